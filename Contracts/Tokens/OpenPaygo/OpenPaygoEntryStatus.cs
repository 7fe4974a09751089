namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>What a device made of an entered token.</summary>
public enum OpenPaygoEntryStatus
{
    /// <summary>Accepted and applied.</summary>
    Valid,

    /// <summary>A genuine token whose count was used already (or is too old to take): nothing changes.</summary>
    AlreadyUsed,

    /// <summary>Not a token of this device, or not a token at all; a wrong token starts a wait.</summary>
    Invalid,

    /// <summary>Refused unread: the device is waiting after invalid tokens.</summary>
    LockedOut,
}
