using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>Option text to values with errors that name the option; and the action wrapper that turns them into exit codes.</summary>
/// <remarks>The emulator may reference only Contracts, so this mirrors the few KeyAuthority CLI parsers it needs.</remarks>
internal static class CliParse
{
    public const int BadInput = 2;
    public const int Failed = 1;

    /// <summary>Runs a command body: bad input → one line on stderr and 2; a state file that cannot be read or written → 1.</summary>
    public static void SetAction(Command command, TextWriter error, Func<ParseResult, int> action) => command.SetAction(result =>
    {
        try
        {
            return action(result);
        }
        catch (Exception e) when (Report(error, e) is { } code)
        {
            return code;
        }
    });

    /// <summary>The same for a command that talks to the Gateway: what it refuses or a failed connection is also reported and 1.</summary>
    public static void SetAction(Command command, TextWriter error, Func<ParseResult, CancellationToken, Task<int>> action) => command.SetAction(async (result, cancellationToken) =>
    {
        try
        {
            return await action(result, cancellationToken);
        }
        catch (Exception e) when (Report(error, e) is { } code)
        {
            return code;
        }
    });

    /// <summary>Prints a failure the user can act on and gives its exit code; null for a fault that should surface.</summary>
    private static int? Report(TextWriter error, Exception exception)
    {
        switch (exception)
        {
            case CliInputException e:
                error.WriteLine($"error: {e.Option}: {e.Message}");
                return BadInput;
            case IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or HttpRequestException or Ir.IrEnrolmentException:
                error.WriteLine($"error: {exception.Message.Split('\n')[0].Trim()}");
                return Failed;
            default:
                return null;
        }
    }

    /// <summary>Writes a new state file; an existing one is replaced only when asked to.</summary>
    public static void SaveNew<T>(string path, T state, bool force)
    {
        if (File.Exists(path) && !force)
        {
            throw new CliInputException("--state", $"{path} exists; add --force to replace it");
        }

        StateFile.Save(path, state);
    }

    /// <summary>Reads a state file the named command made.</summary>
    public static T LoadState<T>(string path, string maker) => File.Exists(path)
        ? StateFile.Load<T>(path)
        : throw new CliInputException("--state", $"{path} does not exist; make it with `{maker}`");

    public static string Required(ParseResult result, Option<string> option) =>
        result.GetValue(option) ?? throw new CliInputException(option.Name, "is required");

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

        return value >= min && value <= max ? value : throw new CliInputException(option, $"must be {min}..{max}, got {value}");
    }

    public static decimal Decimal(string option, string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliInputException(option, $"expected a non-negative number such as 2.5, got '{text}'");

    /// <summary>An ISO-8601 instant (UTC when no offset is given), or the clock's time when the option is absent.</summary>
    public static DateTimeOffset Time(string option, string? text, TimeProvider time)
    {
        if (text is null)
        {
            return time.GetUtcNow();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new CliInputException(option, $"expected an ISO-8601 time such as 2004-03-01T13:55Z, got '{text}'");
    }

    public static T Choice<T>(string option, string text, IReadOnlyDictionary<string, T> choices) =>
        choices.TryGetValue(text.ToLowerInvariant(), out var value)
            ? value
            : throw new CliInputException(option, $"expected one of {string.Join(", ", choices.Keys)}, got '{text}'");

    /// <summary>Runs a parser from Contracts and reports its complaint against the option.</summary>
    public static T Checked<T>(string option, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            var line = e.Message.Split('\n')[0].Trim();
            var cut = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
            throw new CliInputException(option, cut > 0 ? line[..cut] : line);
        }
    }
}
