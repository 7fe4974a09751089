using System.CommandLine;
using System.Text.Json;
using SmsVending.Contracts.CommandLine;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>The emulator's command plumbing: the action wrapper that turns failures into exit codes, state files, required
/// options. Option values are parsed by <see cref="OptionText"/>, shared with the engineering token CLI.</summary>
internal static class EmulatorCli
{
    public const int BadInput = CliInputException.ExitCode;
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
                return e.Report(error);
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

    /// <summary>An ISO-8601 instant (UTC when no offset is given), or the clock's time when the option is absent.</summary>
    public static DateTimeOffset Time(string option, string? text, TimeProvider time) =>
        text is null ? time.GetUtcNow() : OptionText.Time(option, text);
}
