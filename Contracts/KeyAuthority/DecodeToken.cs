namespace SmsVending.Contracts.KeyAuthority;

/// <summary>Call-centre staff ask what a token is: which meter, when, how much. The answer never carries key material.</summary>
/// <param name="Token">The 20 digits as the customer reads them (spaces and dashes allowed).</param>
/// <param name="MeterNumber">The meter the customer says it is for.</param>
public sealed record DecodeToken(string Token, string MeterNumber);

/// <summary>What a token is, decoded under the meter's key or found in the KeyAuthority's issuance records.</summary>
/// <param name="MeterNumber">The meter (normalised).</param>
/// <param name="Description">The class and subclass in words, e.g. "credit: electricity", "key change section 1".</param>
/// <param name="TokenClass">STS class.</param>
/// <param name="Subclass">STS subclass.</param>
/// <param name="IssuedAt">From the TID and the meter's base date; for a token issued under an earlier key (or with no TID, like
/// key change sections) the time the KeyAuthority issued it; null when neither is known.</param>
/// <param name="Amount">Units for credit, watts for power limits, else null.</param>
/// <param name="Unit">The amount's unit ("kWh", "m³", "W", …).</param>
/// <param name="IssuedByUs">Whether this KeyAuthority issued exactly this token for this meter.</param>
/// <param name="RequestId">The request it was issued for (the purchase id), when issued by us.</param>
public sealed record TokenDecoded(
    string MeterNumber, string Description, int TokenClass, int Subclass, DateTimeOffset? IssuedAt, decimal? Amount, string? Unit, bool IssuedByUs,
    string? RequestId);

/// <summary>The token could not be explained: unknown meter, not 20 digits, or not a token for this meter.</summary>
public sealed record TokenDecodeRefused(string MeterNumber, string Reason);
