using System.Text;

namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>Everything an OpenPAYGO device keeps: its parameters, its token counters, its lockout and its credit.</summary>
/// <remarks>A plain record so emulators and tests can store it as JSON; ToString leaves the key out.</remarks>
public sealed record OpenPaygoDeviceState
{
    /// <summary>The secret key, 32 hex digits.</summary>
    public required string Key { get; init; }

    /// <summary>The 9-digit starting code.</summary>
    public required int StartingCode { get; init; }

    /// <summary>The highest count accepted so far (the manufacturer's CSV count at first).</summary>
    public int LastCount { get; init; }

    /// <summary>Bit i set: count LastCount − 1 − i was used (the 16 counts below the highest).</summary>
    public ushort UsedCounts { get; init; }

    /// <summary>Values are days × this divider (1..255).</summary>
    public int TimeDivider { get; init; } = 1;

    /// <summary>The keypad has only keys 1 to 4.</summary>
    public bool Restricted { get; init; }

    /// <summary>The device also takes extended (12-digit, or 20 restricted) tokens.</summary>
    public bool Extended { get; init; }

    /// <summary>Invalid tokens in a row since the last valid one.</summary>
    public int InvalidCount { get; init; }

    /// <summary>No token is taken before this time (brute-force protection).</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>The device runs until this time; null before any credit.</summary>
    public DateTimeOffset? ActiveUntil { get; init; }

    /// <summary>DISABLE_PAYG was entered: the device runs for good (until a SET_TIME token).</summary>
    public bool PaygDisabled { get; init; }

    /// <summary>Whether the device runs at this time.</summary>
    public bool IsActive(DateTimeOffset now) => PaygDisabled || ActiveUntil > now;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"StartingCode = {StartingCode}, LastCount = {LastCount}, UsedCounts = 0x{UsedCounts:X4}, TimeDivider = {TimeDivider}, ")
            .Append($"Restricted = {Restricted}, Extended = {Extended}, InvalidCount = {InvalidCount}, LockedUntil = {LockedUntil:O}, ")
            .Append($"ActiveUntil = {ActiveUntil:O}, PaygDisabled = {PaygDisabled}");
        return true;
    }
}
