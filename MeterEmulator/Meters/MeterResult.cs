namespace SmsVending.MeterEmulator.Meters;

/// <summary>What an emulated STS meter shows after a keypad entry (sts.md §5).</summary>
public enum MeterResult
{
    /// <summary>Taken and applied: credit added, a management action done, a test token run, or a key change completed.</summary>
    Accept,

    /// <summary>"1st KCT accepted": a key change section is held, the set is not complete yet.</summary>
    Kct1Accepted,

    /// <summary>"2nd KCT accepted": the last section of a key change set arrived; the new key is in effect.</summary>
    Kct2Accepted,

    /// <summary>The credit register would pass its maximum; nothing applied and the TID not remembered.</summary>
    Overflow,

    /// <summary>The token does not suit the meter's key type (credit under the initialisation key, a key change to KT 0).</summary>
    KeyTypeError,

    /// <summary>The entry is not a 20-digit, 66-bit token number.</summary>
    FormatError,

    /// <summary>A field is out of range (KRN, TI, SGC of a key change; a register the meter lacks).</summary>
    RangeError,

    /// <summary>The class or subclass is not supported by this meter.</summary>
    FunctionError,

    /// <summary>The TID is older than the oldest remembered one and the TID memory is full.</summary>
    Old,

    /// <summary>The TID is in the TID memory: this token was entered already.</summary>
    Used,

    /// <summary>TID bits 23..16 are past the key expiry number.</summary>
    KeyExpired,

    /// <summary>Credit under a default key (DDTK): the meter must be moved to a unique or common key first.</summary>
    DdtkError,

    /// <summary>The CRC does not match: a mistyped token, or one for another meter or key.</summary>
    CrcError,

    /// <summary>A test token for another manufacturer.</summary>
    MfrCodeError,

    /// <summary>The keypad is locked after repeated invalid entries; the entry was not read.</summary>
    Lockout,
}
