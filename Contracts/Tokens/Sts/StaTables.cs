namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>EA07 tables, copied from the project spec (sts-tables.json).</summary>
internal static class StaTables
{
    /// <summary>Substitution where the selecting key bit is 0.</summary>
    public static ReadOnlySpan<byte> S1 => [14, 10, 7, 9, 12, 3, 2, 5, 13, 0, 15, 1, 4, 8, 6, 11];

    /// <summary>Substitution where the selecting key bit is 1.</summary>
    public static ReadOnlySpan<byte> S2 => [12, 8, 2, 13, 7, 6, 1, 3, 11, 5, 9, 15, 0, 4, 10, 14];

    /// <summary>Bit i of the substituted block moves to bit P[i].</summary>
    public static ReadOnlySpan<byte> P =>
    [
        55, 42, 10, 18, 24, 21, 44, 35, 2, 22, 56, 43, 27, 58, 9, 50,
        6, 36, 12, 61, 37, 38, 53, 16, 62, 3, 7, 4, 32, 20, 63, 25,
        51, 52, 54, 33, 49, 19, 46, 29, 48, 31, 23, 30, 41, 28, 13, 5,
        40, 60, 39, 11, 15, 17, 1, 0, 57, 34, 59, 8, 47, 14, 45, 26,
    ];
}
