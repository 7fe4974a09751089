namespace SmsVending.MeterEmulator.Sim;

/// <summary>Addresses in SMS PDUs: TP-OA (3GPP TS 23.040 §9.1.2.5) and the RP-layer service centre address (TS 24.011 §8.2.5.1).</summary>
/// <remarks>
/// Type of address octet: 1 TON(3 bits) NPI(4 bits). "+2547…" is international (0x91), other digits unknown/ISDN (0x81),
/// anything else alphanumeric (TON 5, NPI 0: 0xD0) written as GSM 7-bit packed characters (at most 11).
/// TP-OA's length counts useful semi-octets (digits, or ⌈7·septets/4⌉ for alphanumeric); the RP address's length counts
/// the octets after it, type octet included, and 0 means no address.
/// </remarks>
internal static class SmsAddress
{
    private const byte International = 0x91, Unknown = 0x81, Alphanumeric = 0xD0;
    private const string Bcd = "0123456789*#abc";

    /// <summary>TP-OA: length in semi-octets, type of address, value.</summary>
    public static byte[] EncodeOriginator(string sender)
    {
        if (IsNumber(sender))
        {
            var digits = sender.TrimStart('+');
            return [(byte)digits.Length, sender.StartsWith('+') ? International : Unknown, .. Semi(digits)];
        }

        var septets = Gsm7.ToSeptets(sender);
        if (sender.Length is 0 or > 11 || septets.Length > 11)
        {
            throw new ArgumentException($"an alphanumeric sender id has 1 to 11 GSM 7-bit characters: '{sender}'");
        }

        return [(byte)((septets.Length * 7 + 3) / 4), Alphanumeric, .. Gsm7.Pack(septets)];
    }

    /// <summary>The RP-layer address: octet count, type of address, BCD digits; an empty string is the empty address.</summary>
    public static byte[] EncodeServiceCentre(string number)
    {
        if (number.Length == 0)
        {
            return [0];
        }

        if (!IsNumber(number))
        {
            throw new ArgumentException($"a service centre address is a phone number: '{number}'");
        }

        var value = Semi(number.TrimStart('+'));
        return [(byte)(value.Length + 1), number.StartsWith('+') ? International : Unknown, .. value];
    }

    /// <summary>Reads TP-OA at <paramref name="at"/>; null with a reason when it does not fit or is not readable.</summary>
    public static string? DecodeOriginator(ReadOnlySpan<byte> pdu, ref int at, out string? problem)
    {
        problem = null;
        if (at + 2 > pdu.Length)
        {
            problem = "TP-OA is cut off";
            return null;
        }

        int semiOctets = pdu[at], type = pdu[at + 1], octets = (semiOctets + 1) / 2;
        if (semiOctets > 20 || at + 2 + octets > pdu.Length)
        {
            problem = $"TP-OA length {semiOctets} does not fit";
            return null;
        }

        var value = pdu.Slice(at + 2, octets);
        at += 2 + octets;
        if ((type & 0x70) == 0x50)
        {
            return Gsm7.FromSeptets(Gsm7.Unpack(value, semiOctets * 4 / 7));
        }

        var digits = Digits(value, semiOctets);
        return ((type & 0x70) == 0x10 ? "+" : "") + digits;
    }

    /// <summary>Reads the RP address at the start; null with a reason when it does not fit.</summary>
    public static string? DecodeServiceCentre(ReadOnlySpan<byte> record, ref int at, out string? problem)
    {
        problem = null;
        int octets = record[at];
        if (octets > 11 || at + 1 + octets > record.Length)
        {
            problem = $"service centre address length {octets} is over 11 octets";
            return null;
        }

        var address = octets == 0 ? "" : ((record[at + 1] & 0x70) == 0x10 ? "+" : "") + Digits(record.Slice(at + 2, octets - 1), (octets - 1) * 2);
        at += 1 + octets;
        return address;
    }

    private static bool IsNumber(string s) => s.Length is > 1 and <= 21 && s.TrimStart('+').Length is > 0 and <= 20 && s.TrimStart('+').All(char.IsAsciiDigit) && !s.StartsWith("++");

    // Semi-octets, low nibble first, an odd count padded with 0xF (TS 23.040 §9.1.2.3).
    private static byte[] Semi(string digits)
    {
        var octets = new byte[(digits.Length + 1) / 2];
        for (var i = 0; i < octets.Length; i++)
        {
            var high = 2 * i + 1 < digits.Length ? digits[2 * i + 1] - '0' : 0xF;
            octets[i] = (byte)((high << 4) | (digits[2 * i] - '0'));
        }

        return octets;
    }

    private static string Digits(ReadOnlySpan<byte> octets, int count)
    {
        var digits = new System.Text.StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            var nibble = i % 2 == 0 ? octets[i / 2] & 0x0F : octets[i / 2] >> 4;
            if (nibble == 0xF)
            {
                break;
            }

            digits.Append(Bcd[nibble]);
        }

        return digits.ToString();
    }
}
