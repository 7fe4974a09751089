using System.Text.RegularExpressions;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Phone numbers as the network routes them: E.164, a plus and up to fifteen digits.</summary>
internal static partial class E164
{
    public static bool IsValid(string? number) => number is not null && Pattern().IsMatch(number);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex Pattern();
}
