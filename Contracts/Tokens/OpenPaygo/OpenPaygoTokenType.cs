namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>What an OpenPAYGO token does; the count's parity and the value tell them apart.</summary>
public enum OpenPaygoTokenType
{
    /// <summary>Adds days of credit (even counts).</summary>
    AddTime,

    /// <summary>Replaces the credit with a number of days; 0 days locks the device (odd counts).</summary>
    SetTime,

    /// <summary>Unlocks the device for good: value 998 (odd counts, standard tokens only).</summary>
    DisablePayg,

    /// <summary>Moves the device's count forward without changing its credit: value 999 (odd counts, standard tokens only).</summary>
    CounterSync,
}
