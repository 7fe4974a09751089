using SmsVending.Contracts.Vending;

namespace SmsVending.Contracts.Ir;

/// <summary>The final outcome of a purchase an IR session started, for the KeyAuthority's IR host to confirm to the meter (frame 4).
/// Vending publishes it beside the <see cref="TokenIssued"/> or <see cref="PurchaseRejected"/> that every outcome gets, so the
/// host is not handed every other purchase's outcome only to drop it. Exactly one of the two is set.</summary>
public sealed record IrPurchaseOutcome(string SessionId, TokenIssued? Issued, PurchaseRejected? Rejected);
