namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>How a token is written: 9 or 12 digits, and with all keys or only keys 1 to 4.</summary>
[Flags]
public enum OpenPaygoMode
{
    /// <summary>A 9-digit token (30 bits, value 0..995).</summary>
    Standard = 0,

    /// <summary>A 12-digit token (40 bits, value 0..999999); ADD_TIME and SET_TIME only.</summary>
    Extended = 1,

    /// <summary>Only digits 1 to 4: two bits a digit, so 15 digits (standard) or 20 (extended).</summary>
    RestrictedDigits = 2,
}
