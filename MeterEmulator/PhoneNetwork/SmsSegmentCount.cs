using System.Buffers;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>The network's own count of the segments a text travels in (GSM 03.38), as Twilio reports num_segments.</summary>
/// <remarks>Deliberately independent of the Gateway's counter: the network is the outside world and checks what it is sent.</remarks>
internal static class SmsSegmentCount
{
    private static readonly SearchValues<char> Gsm7 = SearchValues.Create(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€\f");

    private static readonly SearchValues<char> Escaped = SearchValues.Create("^{}\\[~]|€\f");

    public static int Of(string text)
    {
        var (single, part, units) = text.AsSpan().ContainsAnyExcept(Gsm7)
            ? (70, 67, text.Length)
            : (160, 153, text.Length + text.Count(Escaped.Contains));
        return units <= single ? 1 : (units + part - 1) / part;
    }
}
