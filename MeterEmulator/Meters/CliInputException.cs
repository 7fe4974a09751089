namespace SmsVending.MeterEmulator.Meters;

/// <summary>Bad command-line input: reported as one line naming the option, exit code 2 (as the KeyAuthority's sts CLI).</summary>
internal sealed class CliInputException(string option, string message) : Exception(message)
{
    public string Option { get; } = option;
}
