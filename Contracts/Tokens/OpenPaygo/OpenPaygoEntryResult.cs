namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>The outcome of one token entry; type, value and count are set when the token was valid.</summary>
/// <param name="Status">Valid, already used, invalid or locked out.</param>
/// <param name="Type">What the token did.</param>
/// <param name="Value">The raw value: days × time divider, 998 or 999.</param>
/// <param name="Count">The token's count.</param>
/// <param name="Reason">Why it was refused, in words.</param>
public sealed record OpenPaygoEntryResult(
    OpenPaygoEntryStatus Status,
    OpenPaygoTokenType? Type = null,
    int? Value = null,
    int? Count = null,
    string? Reason = null);
