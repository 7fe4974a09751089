using System.Text.RegularExpressions;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>Reads the 20-digit token out of a token SMS ("Token 1234 5678 9012 3456 7890 Mtr … Ref …").</summary>
internal static partial class DemoSms
{
    public static bool HasToken(string body) => TokenPattern().IsMatch(body);

    /// <summary>The first token in the message, as 20 digits.</summary>
    public static string Token(string body) =>
        TokenPattern().Match(body) is { Success: true } match ? match.Value.Replace(" ", "", StringComparison.Ordinal) : throw new DemoFailure($"no token in \"{body}\"");

    /// <summary>The token in groups of four, as the customer keys it.</summary>
    public static string Grouped(string digits) => string.Join(' ', digits.Chunk(4).Select(group => new string(group)));

    [GeneratedRegex(@"\b\d{4}(?: ?\d{4}){4}\b")]
    private static partial Regex TokenPattern();
}
