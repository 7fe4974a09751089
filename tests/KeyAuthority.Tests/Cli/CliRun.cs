using System.Text.Json;
using SmsVending.KeyAuthority.Cli;

namespace SmsVending.KeyAuthority.Tests.Cli;

/// <summary>Runs the KeyAuthority command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(string commandLine) => Of(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = EngineeringCli.Run(args, output, error, TimeProvider.System);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}: {Error}");
        return JsonDocument.Parse(Output).RootElement;
    }

    public string[] Tokens() => [.. Json().GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!)];
}
