namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>Where the fields sit in the 64-bit block (spec §2); blocks come back without their CRC.</summary>
internal static class TokenLayout
{
    public const int KeyChangeSection1 = 3;
    public const int KeyChangeSection2 = 4;
    public const int KeyChangeSection3 = 8;
    public const int KeyChangeSection4 = 9;

    /// <summary>Class 0 credit and class 2 register tokens: subclass | RND | TID | field.</summary>
    public static ulong Register(int subclass, int rnd, int tid, ushort field)
    {
        if ((uint)rnd > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(rnd), rnd, "RND is a 4-bit nibble (0..15)");
        }

        if ((uint)tid > TokenIdentifier.Max)
        {
            throw new ArgumentOutOfRangeException(nameof(tid), tid, "a TID has 24 bits");
        }

        return ((ulong)subclass << 60) | ((ulong)rnd << 56) | ((ulong)tid << 32) | ((ulong)field << 16);
    }

    /// <summary>Class 1 test tokens: subclass 0 has 36 control bits and an 8-bit manufacturer code, subclass 1 has 28 and 16.</summary>
    public static ulong Test(int subclass, ulong control, int manufacturer)
    {
        var (controlBits, manufacturerBits) = subclass switch
        {
            0 => (36, 8),
            1 => (28, 16),
            _ => throw new ArgumentOutOfRangeException(nameof(subclass), subclass, "test tokens have subclass 0 or 1"),
        };
        if (control >> controlBits != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(control), control, $"subclass {subclass} has {controlBits} control bits");
        }

        if (manufacturer < 0 || manufacturer >> manufacturerBits != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(manufacturer), manufacturer, $"subclass {subclass} has a {manufacturerBits}-bit manufacturer code");
        }

        return ((ulong)subclass << 60) | (control << (16 + manufacturerBits)) | ((ulong)manufacturer << 16);
    }

    /// <summary>The two or four key change sections, in order.</summary>
    /// <remarks>
    /// 64-bit keys: section 1 carries key bits 63..32, section 2 bits 31..0 (spec §2).
    /// 128-bit keys (our choice where the spec is brief): sections 1 and 2 carry bits 127..64 with the same
    /// headers, and sections 3 (subclass 8) and 4 (subclass 9) carry bits 63..0, each with 12 bits of the
    /// 24-bit binary SGC in bits 59..48, high half first.
    /// </remarks>
    public static ulong[] KeyChange(KeyChangeOrder order)
    {
        if (order.KeyRevision is < 1 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order.KeyRevision, "KRN is 1..9");
        }

        if (order.TariffIndex is < 0 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order.TariffIndex, "TI has 2 digits");
        }

        if (order.SupplyGroupCode is < 0 or > 999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order.SupplyGroupCode, "SGC has 6 digits");
        }

        var key = order.NewKey.Value;
        var topShift = order.NewKey.Bits - 32;
        var first = (3UL << 60) | ((ulong)(order.KeyExpiryNumber >> 4) << 56) | ((ulong)order.KeyRevision << 52)
            | ((order.Rollover ? 1UL : 0) << 51) | ((ulong)order.KeyType << 48) | (KeyBits(key, topShift) << 16);
        var second = (4UL << 60) | ((ulong)(order.KeyExpiryNumber & 0xF) << 56) | ((ulong)order.TariffIndex << 48)
            | (KeyBits(key, topShift - 32) << 16);
        if (order.NewKey.Bits == 64)
        {
            return [first, second];
        }

        var sgc = (ulong)order.SupplyGroupCode;
        var third = (8UL << 60) | ((sgc >> 12) << 48) | (KeyBits(key, 32) << 16);
        var fourth = (9UL << 60) | ((sgc & 0xFFF) << 48) | (KeyBits(key, 0) << 16);
        return [first, second, third, fourth];
    }

    /// <summary>Reads the fields of a decrypted key change section.</summary>
    public static KeyChangeSection ReadKeyChange(int subclass, ulong block)
    {
        var keyBits = (uint)(block >> 16);
        return subclass switch
        {
            KeyChangeSection1 => new KeyChangeSection(1, keyBits, KenNibble: (int)(block >> 56) & 0xF,
                KeyRevision: (int)(block >> 52) & 0xF, Rollover: ((block >> 51) & 1) == 1, KeyType: (KeyType)((block >> 48) & 3)),
            KeyChangeSection2 => new KeyChangeSection(2, keyBits, KenNibble: (int)(block >> 56) & 0xF,
                TariffIndex: (int)(block >> 48) & 0xFF),
            KeyChangeSection3 => new KeyChangeSection(3, keyBits, SupplyGroupCodePart: (int)(block >> 48) & 0xFFF),
            KeyChangeSection4 => new KeyChangeSection(4, keyBits, SupplyGroupCodePart: (int)(block >> 48) & 0xFFF),
            _ => throw new ArgumentOutOfRangeException(nameof(subclass), subclass, "not a key change subclass"),
        };
    }

    public static bool IsKeyChange(int subclass) =>
        subclass is KeyChangeSection1 or KeyChangeSection2 or KeyChangeSection3 or KeyChangeSection4;

    private static ulong KeyBits(UInt128 key, int shift) => (ulong)(key >> shift) & 0xFFFF_FFFF;
}
