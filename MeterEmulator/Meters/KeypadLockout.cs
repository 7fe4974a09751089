namespace SmsVending.MeterEmulator.Meters;

/// <summary>Keypad lockout after repeated invalid entries: from the 3rd in a row 10 s, doubling per failure, at most 1280 s.</summary>
/// <remarks>Invalid means not a token of this meter: a format, CRC or manufacturer code error. Genuine tokens that are
/// refused (Used, Old, KeyExpired…) are no guess at the key, so they neither count nor reset the count.</remarks>
public static class KeypadLockout
{
    /// <summary>Failures in a row before the keypad locks.</summary>
    public const int Threshold = 3;

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1280);

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the n-th invalid entry in a row; zero below the threshold.</summary>
    public static TimeSpan WaitAfter(int failures)
    {
        if (failures < Threshold)
        {
            return TimeSpan.Zero;
        }

        var doublings = failures - Threshold;
        return doublings >= 7 ? MaxWait : FirstWait * (1 << doublings);
    }
}
