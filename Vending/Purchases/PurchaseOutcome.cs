using SmsVending.Contracts.Vending;

namespace SmsVending.Vending.Purchases;

/// <summary>What a purchase came to: tokens, a refusal (which may be a "busy, will retry"), a phone to charge, or nothing yet.</summary>
internal sealed record PurchaseOutcome(TokenIssued? Issued, PurchaseRejected? Rejected, MobileMoneyChargeRequested? Charge = null)
{
    /// <summary>Parked, waiting for the provider: nothing to say yet.</summary>
    public static readonly PurchaseOutcome Waiting = new(null, null);

    /// <summary>The KeyAuthority did not answer: the purchase is paid and pending, and must be driven again.</summary>
    public bool Pending => Rejected?.WillRetry == true;
}
