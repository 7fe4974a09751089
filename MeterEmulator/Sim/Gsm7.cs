namespace SmsVending.MeterEmulator.Sim;

/// <summary>The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1), and septet packing (§6.1.2.1.1).</summary>
internal static class Gsm7
{
    public const byte Escape = 0x1B;

    // Index = septet value. 0x1B is the escape to the extension table; it is never a character of its own.
    private const string Default =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // The extension table: septet after the escape → character.
    private static readonly Dictionary<byte, char> Extension = new()
    {
        [0x0A] = '\f', [0x14] = '^', [0x28] = '{', [0x29] = '}', [0x2F] = '\\',
        [0x3C] = '[', [0x3D] = '~', [0x3E] = ']', [0x40] = '|', [0x65] = '€',
    };

    private static readonly Dictionary<char, byte> DefaultCodes = Default.Select((c, i) => (c, i)).Where(p => p.i != Escape).ToDictionary(p => p.c, p => (byte)p.i);
    private static readonly Dictionary<char, byte> ExtensionCodes = Extension.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The text as septets; extension characters take two (escape + code).</summary>
    /// <exception cref="ArgumentException">A character outside the default alphabet and its extension table.</exception>
    public static byte[] ToSeptets(string text)
    {
        var septets = new List<byte>(text.Length);
        foreach (var c in text)
        {
            if (DefaultCodes.TryGetValue(c, out var code))
            {
                septets.Add(code);
            }
            else if (ExtensionCodes.TryGetValue(c, out var extension))
            {
                septets.Add(Escape);
                septets.Add(extension);
            }
            else
            {
                throw new ArgumentException($"'{c}' (U+{(int)c:X4}) is not in the GSM 7-bit default alphabet");
            }
        }

        return [.. septets];
    }

    /// <summary>Septets back to text. An escape before a code the extension table lacks reads as the default character
    /// (TS 23.038 §6.2.1.1); a trailing escape reads as nothing.</summary>
    public static string FromSeptets(ReadOnlySpan<byte> septets)
    {
        var text = new System.Text.StringBuilder(septets.Length);
        for (var i = 0; i < septets.Length; i++)
        {
            if (septets[i] != Escape)
            {
                text.Append(Default[septets[i] & 0x7F]);
            }
            else if (++i < septets.Length)
            {
                text.Append(Extension.TryGetValue(septets[i], out var c) ? c : septets[i] == Escape ? ' ' : Default[septets[i] & 0x7F]);
            }
        }

        return text.ToString();
    }

    /// <summary>Packs septets little-end first into octets: septet i starts at bit 7·i.</summary>
    public static byte[] Pack(ReadOnlySpan<byte> septets)
    {
        var octets = new byte[(septets.Length * 7 + 7) / 8];
        for (var i = 0; i < septets.Length; i++)
        {
            int bit = i * 7, at = bit / 8, shift = bit % 8;
            octets[at] |= (byte)(septets[i] << shift);
            if (shift > 1)
            {
                octets[at + 1] |= (byte)(septets[i] >> (8 - shift));
            }
        }

        return octets;
    }

    /// <summary>Unpacks <paramref name="count"/> septets; the caller has checked the octets hold them.</summary>
    public static byte[] Unpack(ReadOnlySpan<byte> octets, int count)
    {
        var septets = new byte[count];
        for (var i = 0; i < count; i++)
        {
            int bit = i * 7, at = bit / 8, shift = bit % 8;
            var pair = octets[at] | (at + 1 < octets.Length ? octets[at + 1] << 8 : 0);
            septets[i] = (byte)((pair >> shift) & 0x7F);
        }

        return septets;
    }

    /// <summary>How many octets <paramref name="septets"/> septets take packed.</summary>
    public static int PackedLength(int septets) => (septets * 7 + 7) / 8;
}
