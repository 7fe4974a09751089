namespace SmsVending.Contracts.CommandLine;

/// <summary>Bad command-line input: reported as one line naming the option, exit code 2.</summary>
public sealed class CliInputException(string option, string message) : Exception(message)
{
    /// <summary>The exit code of a command refused for its input.</summary>
    public const int ExitCode = 2;

    public string Option { get; } = option;

    /// <summary>Writes the one line a user sees, <c>error: OPTION: what was wrong</c>, and gives the exit code.</summary>
    public static int Report(TextWriter error, string option, string message)
    {
        error.WriteLine($"error: {option}: {message}");
        return ExitCode;
    }

    /// <inheritdoc cref="Report(TextWriter, string, string)"/>
    public int Report(TextWriter error) => Report(error, Option, Message);
}
