namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>The date a key's token identifiers count from.</summary>
public enum BaseDate
{
    /// <summary>1993-01-01; its 24-bit TID range ended 2024-11-24 20:15 UTC.</summary>
    Year1993 = 1993,

    /// <summary>2014-01-01.</summary>
    Year2014 = 2014,

    /// <summary>2035-01-01.</summary>
    Year2035 = 2035,
}
