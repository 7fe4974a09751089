namespace SmsVending.Contracts.KeyAuthority;

/// <summary>The tokens for a request, in the order they must be entered (key change sections first).</summary>
/// <param name="RequestId">The request answered.</param>
/// <param name="MeterNumber">The meter.</param>
/// <param name="Tokens">One or more tokens.</param>
/// <param name="IssuedAt">When the KeyAuthority first issued them (a repeat of the request returns the same time).</param>
public sealed record TokenSetIssued(Guid RequestId, string MeterNumber, IReadOnlyList<IssuedToken> Tokens, DateTimeOffset IssuedAt);

/// <summary>One issued token.</summary>
/// <param name="Digits">The token digits, without spaces (20 for STS).</param>
/// <param name="Purpose">What it does, e.g. "credit", "key change 1/2", "add time".</param>
/// <param name="Class">STS class, or -1 for OpenPAYGO.</param>
/// <param name="Subclass">STS subclass, or the OpenPAYGO count.</param>
/// <param name="Tid">STS TID where the token has one.</param>
/// <param name="Amount">The amount the token carries after rounding (units, days, watts or raw value).</param>
public sealed record IssuedToken(string Digits, string Purpose, int Class, int Subclass, int? Tid, decimal? Amount);
