using SmsVending.Contracts.Vending;

namespace SmsVending.Vending.Purchases;

/// <summary>What a purchase came to: tokens, or a refusal (which may be a "busy, will retry").</summary>
internal sealed record PurchaseOutcome(TokenIssued? Issued, PurchaseRejected? Rejected)
{
    /// <summary>The KeyAuthority did not answer: the purchase is paid and pending, and must be driven again.</summary>
    public bool Pending => Rejected?.WillRetry == true;
}
