using System.Text.RegularExpressions;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>Finds the 20-digit STS tokens in a token SMS: grouped in fours ("1234 5678 …") or plain, one or several
/// ("1)… 2)…"), in the order they stand in the text; and reads a notice that the tokens will follow.</summary>
internal static partial class TokenText
{
    [GeneratedRegex(@"token will follow|tokeni itakuja", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Promise();

    [GeneratedRegex(@"(?<!\d)(?:\d{4}(?:[ -]\d{4}){4}|\d{20})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>The tokens as 20 digits each.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        [.. Token().Matches(text).Select(m => string.Concat(m.Value.Where(char.IsAsciiDigit)))];

    /// <summary>Whether the SMS says the purchase is paid and its tokens will follow (the KeyAuthority was busy): a customer
    /// waits for the next SMS rather than buying again.</summary>
    public static bool Promised(string text) => Promise().IsMatch(text);
}
