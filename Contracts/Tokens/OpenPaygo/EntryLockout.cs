namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>Brute-force protection: after the n-th invalid token in a row, wait 2^(n−1) minutes, at most 512.</summary>
internal static class EntryLockout
{
    public const int MaxWaitMinutes = 512;

    public static TimeSpan WaitAfter(int invalidCount) =>
        TimeSpan.FromMinutes(invalidCount >= 10 ? MaxWaitMinutes : 1 << Math.Max(invalidCount - 1, 0));
}
