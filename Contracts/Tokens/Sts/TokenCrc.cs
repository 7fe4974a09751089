namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>The STS CRC-16: polynomial 0x8005 reflected (0xA001), initial 0xFFFF, no final XOR, result bytes swapped.</summary>
internal static class TokenCrc
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>CRC of the class and the 48 bits above the CRC, packed big-endian into 7 bytes.</summary>
    public static ushort Compute(int tokenClass, ulong block)
    {
        var input = ((ulong)tokenClass << 48) | (block >> 16);
        ushort crc = 0xFFFF;
        for (var shift = 48; shift >= 0; shift -= 8)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ (byte)(input >> shift)) & 0xFF]);
        }

        return (ushort)((crc << 8) | (crc >> 8));
    }

    /// <summary>The block with its low 16 bits replaced by the CRC.</summary>
    public static ulong Seal(int tokenClass, ulong block) => (block & ~0xFFFFUL) | Compute(tokenClass, block);

    /// <summary>Whether the block's low 16 bits are its CRC.</summary>
    public static bool IsValid(int tokenClass, ulong block) => (ushort)block == Compute(tokenClass, block);

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
