namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>A token taken apart: class, subclass, CRC validity and the fields its layout has.</summary>
/// <param name="Class">Token class (0..3).</param>
/// <param name="Subclass">Token subclass (0..15).</param>
/// <param name="CrcOk">Whether the CRC matched; false is the usual sign of a wrong key or a mistyped token.</param>
/// <param name="Block">The plaintext 64-bit block.</param>
public sealed record DecodedToken(int Class, int Subclass, bool CrcOk, ulong Block)
{
    /// <summary>RND, for credit and register tokens.</summary>
    public int? Rnd { get; init; }

    /// <summary>TID, for credit and register tokens.</summary>
    public int? Tid { get; init; }

    /// <summary>The raw 16-bit amount or value field, for credit and register tokens.</summary>
    public ushort? Field { get; init; }

    /// <summary>The amount: units (0.1 resolution) for credit tokens, watts for the power limit tokens.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The key change section, for class 2 subclasses 3, 4, 8 and 9.</summary>
    public KeyChangeSection? KeyChange { get; init; }

    /// <summary>The control bits, for class 1 test tokens.</summary>
    public ulong? Control { get; init; }

    /// <summary>The manufacturer code, for class 1 test tokens.</summary>
    public int? Manufacturer { get; init; }
}
