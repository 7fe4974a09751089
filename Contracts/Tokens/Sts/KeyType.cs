namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>The STS key type carried in the control block and key change tokens.</summary>
public enum KeyType
{
    /// <summary>Initialisation key, used only in the factory.</summary>
    Initialisation = 0,

    /// <summary>Default key: meters refuse credit under it.</summary>
    Default = 1,

    /// <summary>Unique key for one meter (derived from its PAN).</summary>
    Unique = 2,

    /// <summary>Common key for a group (PAN digits taken as zeros).</summary>
    Common = 3,
}
