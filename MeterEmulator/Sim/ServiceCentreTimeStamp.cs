namespace SmsVending.MeterEmulator.Sim;

/// <summary>TP-SCTS (3GPP TS 23.040 §9.2.3.11): year, month, day, hour, minute, second and time zone as 7 swapped semi-octet pairs.</summary>
/// <remarks>The time zone counts quarter hours from GMT; bit 3 of its octet (the tens digit's top bit) is the sign.
/// Two-digit years 90–99 read as 19xx (the published examples date from 1999), the rest as 20xx.</remarks>
internal static class ServiceCentreTimeStamp
{
    public const int Length = 7;

    public static byte[] Encode(DateTimeOffset at)
    {
        var quarters = at.Offset.TotalMinutes / 15;
        if (quarters != Math.Floor(quarters) || Math.Abs(quarters) > 79)
        {
            throw new ArgumentException($"the time zone {at.Offset} is not a whole number of quarter hours within ±19:45");
        }

        if (at.Year is < 1990 or > 2089)
        {
            throw new ArgumentException($"the year {at.Year} does not fit a two-digit TP-SCTS year (1990 to 2089)");
        }

        var zone = Swap((int)Math.Abs(quarters));
        return [Swap(at.Year % 100), Swap(at.Month), Swap(at.Day), Swap(at.Hour), Swap(at.Minute), Swap(at.Second), quarters < 0 ? (byte)(zone | 0x08) : zone];
    }

    /// <summary>The time stamp, or null when a field is not a valid date or time.</summary>
    public static DateTimeOffset? Decode(ReadOnlySpan<byte> scts)
    {
        Span<int> v = stackalloc int[6];
        for (var i = 0; i < 6; i++)
        {
            v[i] = Unswap(scts[i]);
            if (v[i] < 0)
            {
                return null;
            }
        }

        var quarters = Unswap((byte)(scts[6] & 0xF7));
        if (quarters < 0 || v[1] is < 1 or > 12 || v[2] < 1 || v[2] > DateTime.DaysInMonth(Year(v[0]), v[1]) || v[3] > 23 || v[4] > 59 || v[5] > 59)
        {
            return null;
        }

        var offset = TimeSpan.FromMinutes(15 * quarters * ((scts[6] & 0x08) != 0 ? -1 : 1));
        return offset.Duration() > TimeSpan.FromHours(14) ? null : new DateTimeOffset(Year(v[0]), v[1], v[2], v[3], v[4], v[5], offset);
    }

    private static int Year(int yy) => yy >= 90 ? 1900 + yy : 2000 + yy;

    private static byte Swap(int value) => (byte)((value % 10) << 4 | value / 10);

    private static int Unswap(byte octet) => (octet & 0x0F) > 9 || octet >> 4 > 9 ? -1 : (octet & 0x0F) * 10 + (octet >> 4);
}
