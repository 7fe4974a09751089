using System.Globalization;

namespace SmsVending.Gateway.Sms;

/// <summary>Reads the SMS command language, forgiving of case, extra spaces, meter numbers written in groups or with
/// dashes, and amounts like 500, 500.00 or KES500.</summary>
public static class SmsCommandParser
{
    private static readonly string[] Keywords = ["BUY", "LAST", "BAL", "METERS", "REG", "PIN", "HELP"];

    public static SmsCommand Parse(string? body)
    {
        var words = (body ?? "").ToUpperInvariant()
            .Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        if (words.Count == 0)
        {
            return new SmsCommand.Unknown("HELP", "the message is empty");
        }

        var keyword = words[0];
        var rest = words.Skip(1).ToList();
        return keyword switch
        {
            "BUY" => Buy(rest),
            "LAST" => rest.Count == 0 ? new SmsCommand.Last(null)
                : Meter(rest, left => left.Count == 0, out var meter, out _) ? new SmsCommand.Last(meter)
                : new SmsCommand.Unknown("LAST", "send LAST or LAST <meter>"),
            "BAL" or "BALANCE" => new SmsCommand.Balance(),
            "METERS" or "METER" => new SmsCommand.Meters(),
            "REG" => Meter(rest, left => left.Count == 1, out var regMeter, out var code)
                ? new SmsCommand.Register(regMeter, code[0]) : new SmsCommand.Unknown("REG", "send REG <meter> <registration code>"),
            "PIN" => rest.Count == 2 && rest.All(IsPin)
                ? new SmsCommand.ChangePin(rest[0], rest[1]) : new SmsCommand.Unknown("PIN", "send PIN <old PIN> <new PIN> (4 to 8 digits)"),
            "HELP" or "?" => new SmsCommand.Help(),
            _ => new SmsCommand.Unknown(Closest(keyword), $"{Shorten(keyword)} is not a command"),
        };
    }

    private static SmsCommand Buy(List<string> rest)
    {
        static bool AmountAndPin(List<string> left) => left.Count is 1 or 2 && Amount(left[0]) is not null && (left.Count == 1 || IsPin(left[1]));

        if (Meter(rest, AmountAndPin, out var meter, out var left))
        {
            return new SmsCommand.Buy(meter, Amount(left[0])!.Value, left.ElementAtOrDefault(1));
        }

        // BUY <amount> [PIN]: the phone's only meter.
        return AmountAndPin(rest)
            ? new SmsCommand.Buy(null, Amount(rest[0])!.Value, rest.ElementAtOrDefault(1))
            : new SmsCommand.Unknown("BUY", "send BUY <meter> <amount> [PIN] or BUY <amount>");
    }

    /// <summary>The meter is the first run of digit groups (dashes allowed) making 11 or 13 digits after which the rest of
    /// the message still fits the command; a device serial (with letters) is one word.</summary>
    private static bool Meter(List<string> words, Func<List<string>, bool> restFits, out string meter, out List<string> rest)
    {
        (meter, rest) = ("", words);
        if (words.Count > 0 && words[0].Any(char.IsAsciiLetter) && words[0].Length <= 32 && Amount(words[0]) is null && restFits(words[1..]))
        {
            (meter, rest) = (words[0], words[1..]);
            return true;
        }

        var digits = "";
        for (var i = 0; i < words.Count && digits.Length < 13; i++)
        {
            var part = words[i].Replace("-", "", StringComparison.Ordinal);
            if (!part.All(char.IsAsciiDigit))
            {
                return false;
            }

            digits += part;
            if (digits.Length is 11 or 13 && restFits(words[(i + 1)..]))
            {
                (meter, rest) = (digits, words[(i + 1)..]);
                return true;
            }
        }

        return false;
    }

    private static decimal? Amount(string word)
    {
        var text = word.StartsWith("KES", StringComparison.Ordinal) || word.StartsWith("KSH", StringComparison.Ordinal) ? word[3..] : word;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0 && amount == Math.Round(amount, 2)
            ? amount
            : null;
    }

    private static bool IsPin(string word) => word.Length is >= 4 and <= 8 && word.All(char.IsAsciiDigit);

    private static string Closest(string word) => Keywords.MinBy(k => Distance(k, word[..Math.Min(word.Length, 12)]))!;

    private static string Shorten(string word) => word.Length > 12 ? word[..12] + "…" : word;

    /// <summary>Levenshtein distance: the fewest single-letter edits between two words.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
