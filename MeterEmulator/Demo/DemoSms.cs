using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>Reads the 20-digit token out of a token SMS ("Token 1234 5678 9012 3456 7890 Mtr … Ref …").</summary>
internal static class DemoSms
{
    public static bool HasToken(string body) => TokenText.Find(body).Count > 0;

    /// <summary>The first token in the message, as 20 digits.</summary>
    public static string Token(string body) => TokenText.Find(body) is [var first, ..] ? first : throw new DemoFailure($"no token in \"{body}\"");

    /// <summary>The token in groups of four, as the customer keys it.</summary>
    public static string Grouped(string digits) => string.Join(' ', digits.Chunk(4).Select(group => new string(group)));
}
