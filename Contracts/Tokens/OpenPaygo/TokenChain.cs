using System.Buffers.Binary;

namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>The OpenPAYGO hash chain: the value travels in the low digits (the base), the rest is the chain.</summary>
internal static class TokenChain
{
    public const ulong StandardModulus = 1000;
    public const ulong ExtendedModulus = 1_000_000;

    public static ulong Modulus(bool extended) => extended ? ExtendedModulus : StandardModulus;

    /// <summary>Replaces the low digits of a code with the token base: put_base(x, b) = x − base(x) + b.</summary>
    public static ulong PutBase(ulong code, ulong tokenBase, ulong modulus) => code - code % modulus + tokenBase;

    /// <summary>The token number at a count: the starting code with the base put in, stepped count times, base put back.</summary>
    public static ulong TokenAt(OpenPaygoKey key, ulong startingCode, ulong tokenBase, int count, bool extended)
    {
        var modulus = Modulus(extended);
        var code = PutBase(startingCode, tokenBase, modulus);
        for (var i = 0; i < count; i++)
        {
            code = Next(key, code, extended); // the base is not put back between steps
        }

        return PutBase(code, tokenBase, modulus);
    }

    /// <summary>One chain step: F for standard tokens, F_ext for extended ones.</summary>
    public static ulong Next(OpenPaygoKey key, ulong code, bool extended)
    {
        Span<byte> message = stackalloc byte[8];
        if (extended)
        {
            // 8-byte big-endian code; keep the top 40 bits of the hash, folded under 10^12.
            BinaryPrimitives.WriteUInt64BigEndian(message, code);
            var wide = SipHash24.Hash(key.K0, key.K1, message) >> 24;
            return wide > 999_999_999_999 ? wide - 99_511_627_777 : wide;
        }

        // The 4-byte big-endian code written twice: SipHash wants 8 bytes at least in the reference libraries.
        BinaryPrimitives.WriteUInt32BigEndian(message, (uint)code);
        BinaryPrimitives.WriteUInt32BigEndian(message[4..], (uint)code);
        var hash = SipHash24.Hash(key.K0, key.K1, message);
        var folded = ((hash >> 32) ^ (hash & 0xFFFF_FFFF)) >> 2; // 30 bits: the two low bits are dropped
        return folded > 999_999_999 ? folded - 73_741_825 : folded;
    }
}
