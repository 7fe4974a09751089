namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>EA07, the Standard Transfer Algorithm: 16 rounds of key-selected substitution and a fixed permutation.</summary>
/// <remarks>
/// The key only chooses between S1 and S2 per nibble; it is never XORed into the data. Everything that
/// depends on the key alone (the 16 rotated round keys) is worked out once here, and each round is then
/// eight byte-wide substitutions and eight byte-wide permutation look-ups.
/// Decryption undoes the encryption rounds in reverse order with the same round keys; that is the
/// spec's "inverse with the original DK" (NOT and the rotations cancel out), written so that one key
/// schedule serves both directions.
/// </remarks>
internal sealed class StandardTransferAlgorithm : TokenCipher
{
    private const int Rounds = 16;

    // Substitute[selector, byte]: selector bit 0 picks S2 for the low nibble, bit 1 for the high nibble.
    private static readonly byte[] Substitute = BuildSubstitution(inverse: false);
    private static readonly byte[] InverseSubstitute = BuildSubstitution(inverse: true);

    // Permute[position * 256 + byte]: where the byte's bits land after P.
    private static readonly ulong[] Permute = BuildPermutation(inverse: false);
    private static readonly ulong[] InversePermute = BuildPermutation(inverse: true);

    // Selectors[round * 8 + bytePosition] for the key schedule of this decoder key.
    private readonly byte[] selectors = new byte[Rounds * 8];

    public StandardTransferAlgorithm(ulong decoderKey)
    {
        var k = ulong.RotateRight(~decoderKey, 12);
        for (var round = 0; round < Rounds; round++)
        {
            for (var p = 0; p < 8; p++)
            {
                var low = (k >> (8 * p + 3)) & 1;
                var high = (k >> (8 * p + 7)) & 1;
                selectors[round * 8 + p] = (byte)(low | (high << 1));
            }

            k = ulong.RotateLeft(k, 1);
        }
    }

    public override ulong Encrypt(ulong block)
    {
        var sel = selectors;
        for (var round = 0; round < Rounds; round++)
        {
            var permuted = 0UL;
            for (var p = 0; p < 8; p++)
            {
                var b = (int)(block >> (8 * p)) & 0xFF;
                var s = Substitute[(sel[round * 8 + p] << 8) | b];
                permuted |= Permute[(p << 8) | s];
            }

            block = permuted;
        }

        return block;
    }

    public override ulong Decrypt(ulong block)
    {
        var sel = selectors;
        for (var round = Rounds - 1; round >= 0; round--)
        {
            var unpermuted = 0UL;
            for (var p = 0; p < 8; p++)
            {
                unpermuted |= InversePermute[(p << 8) | ((int)(block >> (8 * p)) & 0xFF)];
            }

            block = 0;
            for (var p = 0; p < 8; p++)
            {
                var b = (int)(unpermuted >> (8 * p)) & 0xFF;
                block |= (ulong)InverseSubstitute[(sel[round * 8 + p] << 8) | b] << (8 * p);
            }
        }

        return block;
    }

    private static byte[] BuildSubstitution(bool inverse)
    {
        Span<byte> s1 = stackalloc byte[16];
        Span<byte> s2 = stackalloc byte[16];
        for (var i = 0; i < 16; i++)
        {
            if (inverse)
            {
                s1[StaTables.S1[i]] = (byte)i;
                s2[StaTables.S2[i]] = (byte)i;
            }
            else
            {
                s1[i] = StaTables.S1[i];
                s2[i] = StaTables.S2[i];
            }
        }

        var table = new byte[4 * 256];
        for (var selector = 0; selector < 4; selector++)
        {
            for (var b = 0; b < 256; b++)
            {
                var low = (selector & 1) == 0 ? s1[b & 0xF] : s2[b & 0xF];
                var high = (selector & 2) == 0 ? s1[b >> 4] : s2[b >> 4];
                table[(selector << 8) | b] = (byte)(low | (high << 4));
            }
        }

        return table;
    }

    private static ulong[] BuildPermutation(bool inverse)
    {
        Span<byte> target = stackalloc byte[64];
        for (var i = 0; i < 64; i++)
        {
            if (inverse)
            {
                target[StaTables.P[i]] = (byte)i;
            }
            else
            {
                target[i] = StaTables.P[i];
            }
        }

        var table = new ulong[8 * 256];
        for (var p = 0; p < 8; p++)
        {
            for (var b = 0; b < 256; b++)
            {
                var moved = 0UL;
                for (var bit = 0; bit < 8; bit++)
                {
                    if ((b >> bit & 1) != 0)
                    {
                        moved |= 1UL << target[8 * p + bit];
                    }
                }

                table[(p << 8) | b] = moved;
            }
        }

        return table;
    }
}
