namespace SmsVending.Contracts.CommandLine;

/// <summary>Bad command-line input: reported as one line naming the option, exit code 2.</summary>
public sealed class CliInputException(string option, string message) : Exception(message)
{
    public string Option { get; } = option;
}
