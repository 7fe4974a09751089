using SmsVending.Contracts.KeyAuthority;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>Either the tokens or the reason there are none.</summary>
public sealed record IssueResult(TokenSetIssued? Issued, TokenRequestRejected? Rejected)
{
    /// <summary>Whether tokens were issued (now or by an earlier identical request).</summary>
    public bool IsIssued => Issued is not null;
}
