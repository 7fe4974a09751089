namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>EA11: MISTY1 (RFC 2994) with a 128-bit key; the STS block enters big-endian.</summary>
internal sealed class Misty1Cipher : TokenCipher
{
    // EK[0..7] are the key's 16-bit words, EK[8..15] the FI-mixed words (RFC 2994 key schedule).
    private readonly ushort[] ek = new ushort[16];

    public Misty1Cipher(UInt128 key)
    {
        for (var i = 0; i < 8; i++)
        {
            ek[i] = (ushort)(key >> (112 - 16 * i));
        }

        for (var i = 0; i < 8; i++)
        {
            ek[i + 8] = Fi(ek[i], ek[(i + 1) % 8]);
        }
    }

    public override ulong Encrypt(ulong block)
    {
        var d0 = (uint)(block >> 32);
        var d1 = (uint)block;
        for (var k = 0; k < 8; k += 2)
        {
            d0 = Fl(d0, k);
            d1 = Fl(d1, k + 1);
            d1 ^= Fo(d0, k);
            d0 ^= Fo(d1, k + 1);
        }

        d0 = Fl(d0, 8);
        d1 = Fl(d1, 9);
        return ((ulong)d1 << 32) | d0;
    }

    public override ulong Decrypt(ulong block)
    {
        var d1 = (uint)(block >> 32);
        var d0 = (uint)block;
        d0 = FlInverse(d0, 8);
        d1 = FlInverse(d1, 9);
        for (var k = 6; k >= 0; k -= 2)
        {
            d0 ^= Fo(d1, k + 1);
            d1 ^= Fo(d0, k);
            d0 = FlInverse(d0, k);
            d1 = FlInverse(d1, k + 1);
        }

        return ((ulong)d0 << 32) | d1;
    }

    private static ushort Fi(ushort input, ushort key)
    {
        int d9 = input >> 7;
        var d7 = input & 0x7F;
        d9 = Misty1Tables.S9[d9] ^ d7;
        d7 = Misty1Tables.S7[d7] ^ (d9 & 0x7F);
        d7 ^= key >> 9;
        d9 ^= key & 0x1FF;
        d9 = Misty1Tables.S9[d9] ^ d7;
        return (ushort)((d7 << 9) | d9);
    }

    private uint Fo(uint input, int k)
    {
        var t0 = (ushort)(input >> 16);
        var t1 = (ushort)input;
        t0 ^= ek[k];
        t0 = Fi(t0, ek[(k + 5) % 8 + 8]);
        t0 ^= t1;
        t1 ^= ek[(k + 2) % 8];
        t1 = Fi(t1, ek[(k + 1) % 8 + 8]);
        t1 ^= t0;
        t0 ^= ek[(k + 7) % 8];
        t0 = Fi(t0, ek[(k + 3) % 8 + 8]);
        t0 ^= t1;
        t1 ^= ek[(k + 4) % 8];
        return ((uint)t1 << 16) | t0;
    }

    private uint Fl(uint input, int k)
    {
        var d0 = (ushort)(input >> 16);
        var d1 = (ushort)input;
        if (k % 2 == 0)
        {
            d1 ^= (ushort)(d0 & ek[k / 2]);
            d0 ^= (ushort)(d1 | ek[(k / 2 + 6) % 8 + 8]);
        }
        else
        {
            d1 ^= (ushort)(d0 & ek[((k - 1) / 2 + 2) % 8 + 8]);
            d0 ^= (ushort)(d1 | ek[((k - 1) / 2 + 4) % 8]);
        }

        return ((uint)d0 << 16) | d1;
    }

    private uint FlInverse(uint input, int k)
    {
        var d0 = (ushort)(input >> 16);
        var d1 = (ushort)input;
        if (k % 2 == 0)
        {
            d0 ^= (ushort)(d1 | ek[(k / 2 + 6) % 8 + 8]);
            d1 ^= (ushort)(d0 & ek[k / 2]);
        }
        else
        {
            d0 ^= (ushort)(d1 | ek[((k - 1) / 2 + 4) % 8]);
            d1 ^= (ushort)(d0 & ek[((k - 1) / 2 + 2) % 8 + 8]);
        }

        return ((uint)d0 << 16) | d1;
    }
}
