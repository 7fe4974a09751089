namespace SmsVending.Gateway.Sms;

/// <summary>How many SMS segments a text needs (GSM 03.38): 160 GSM-7 characters in one, 153 per part when
/// concatenated; one character outside GSM-7 makes the whole message UCS-2 (70, then 67 per part).</summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Escaped into the extension table: each costs two septets.
    private const string Extension = "^{}\\[~]|€\f";

    /// <summary>True when every character has a GSM-7 encoding.</summary>
    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    /// <summary>Septets a GSM-7 text takes (extension characters count twice).</summary>
    public static int Septets(string text) => text.Sum(c => Extension.Contains(c) ? 2 : 1);

    /// <summary>The number of segments the text is sent in.</summary>
    public static int Count(string text)
    {
        if (IsGsm7(text))
        {
            var septets = Septets(text);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }

        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }
}
