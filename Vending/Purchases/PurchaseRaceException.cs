namespace SmsVending.Vending.Purchases;

/// <summary>Another delivery of the same request stored its purchase first; loading that one and going on from its state is the answer.</summary>
internal sealed class PurchaseRaceException(string idempotencyKey)
    : Exception($"purchase {idempotencyKey} was stored by another delivery meanwhile");
