namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>A generated OpenPAYGO token and the count it uses, which becomes the device's (and the server's) last count.</summary>
/// <param name="Digits">The digits to key in, zero-padded: 9, 12, 15 (restricted) or 20 (restricted extended).</param>
/// <param name="Count">The token's count.</param>
/// <param name="Type">What the token does.</param>
/// <param name="Value">The value it carries: days × time divider, 998 for DISABLE_PAYG, 999 for COUNTER_SYNC.</param>
public sealed record OpenPaygoToken(string Digits, int Count, OpenPaygoTokenType Type, int Value);
