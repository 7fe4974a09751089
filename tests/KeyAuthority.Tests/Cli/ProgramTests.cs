using System.Diagnostics;
using SmsVending.KeyAuthority.Cli;

namespace SmsVending.KeyAuthority.Tests.Cli;

/// <summary>The real executable, as `dotnet run --project KeyAuthority -- …` starts it.</summary>
public class ProgramTests
{
    [Fact]
    public async Task Main_GoodCommand_PrintsTokenAndExits0()
    {
        var (code, output, error) = await RunAsync("sts", "credit", "--dk", "0ABC12DEF3456789", "--kind", "electricity",
            "--amount", "25.6", "--at", "1996-03-25T13:55Z", "--rnd", "11");

        Assert.Equal((0, "2905 4347 1393 0985 1356", ""), (code, output.Trim(), error));
    }

    [Fact]
    public async Task Main_BadOption_OneLineOnStderrAndExits2()
    {
        var (code, output, error) = await RunAsync("sts", "dk", "--dk", "XYZ");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("error: --dk: a decoder key is 16 or 32 hex digits, got 'XYZ'", error.Trim());
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(EngineeringCli).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
