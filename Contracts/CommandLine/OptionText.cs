using System.Globalization;

namespace SmsVending.Contracts.CommandLine;

/// <summary>Turns command-line option text into values, with errors that name the option and say what was expected. Both CLIs
/// (the engineering token CLI and the emulator) parse with it; the emulator may reference only Contracts.</summary>
public static class OptionText
{
    /// <summary>A whole number written in decimal or as 0x hex.</summary>
    public static long Number(string option, string text, long min, long max)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var ok = hex
            ? long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!ok)
        {
            throw new CliInputException(option, $"expected a whole number (decimal or 0x hex), got '{text}'");
        }

        return value >= min && value <= max
            ? value
            : throw new CliInputException(option, $"must be {min}..{max}, got {value}");
    }

    /// <summary>A number with decimals, such as an amount of units.</summary>
    public static decimal Decimal(string option, string text)
    {
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliInputException(option, $"expected a non-negative number such as 25.6, got '{text}'");
    }

    /// <summary>An ISO-8601 instant; without an offset it is taken as UTC.</summary>
    public static DateTimeOffset Time(string option, string text)
    {
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new CliInputException(option, $"expected an ISO-8601 time such as 2004-03-01T13:55Z, got '{text}'");
    }

    /// <summary>Hex digits, one of the given byte lengths.</summary>
    public static byte[] Hex(string option, string text, params int[] byteLengths)
    {
        var lengths = string.Join(" or ", byteLengths.Select(n => n * 2));
        if (!byteLengths.Contains(text.Length / 2) || text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
        {
            throw new CliInputException(option, $"expected {lengths} hex digits, got '{text}'");
        }

        return Convert.FromHexString(text);
    }

    /// <summary>One of a fixed set of words.</summary>
    public static T Choice<T>(string option, string text, IReadOnlyDictionary<string, T> choices)
    {
        return choices.TryGetValue(text.ToLowerInvariant(), out var value)
            ? value
            : throw new CliInputException(option, $"expected one of {string.Join(", ", choices.Keys)}, got '{text}'");
    }

    /// <summary>Runs a parser from another layer and reports its complaint against the option.</summary>
    public static T Checked<T>(string option, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliInputException(option, FirstLine(e.Message));
        }
    }

    private static string FirstLine(string message)
    {
        // ArgumentException appends " (Parameter 'x')" and, for out-of-range, "Actual value was" lines.
        var line = message.Split('\n')[0].Trim();
        var cut = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? line[..cut] : line;
    }
}
