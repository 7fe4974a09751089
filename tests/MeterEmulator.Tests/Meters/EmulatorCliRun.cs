using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmsVending.MeterEmulator.Devices;
using SmsVending.MeterEmulator.Meters;
using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Tests.Meters;

/// <summary>Runs the meter, device and SIM commands in-process on a fake clock and captures what they print.</summary>
internal sealed record EmulatorCliRun(int ExitCode, string Output, string Error)
{
    public static EmulatorCliRun Of(TimeProvider time, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { MeterCommands.Create(output, error, time), DeviceCommands.Create(output, error, time), SimCommand.Create(output, error, time) };
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new EmulatorCliRun(code, output.ToString(), error.ToString());
    }

    public static EmulatorCliRun Of(params string[] args) => Of(new FakeTimeProvider(new DateTimeOffset(2020, 6, 1, 12, 0, 0, TimeSpan.Zero)), args);

    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}: {Error}");
        return JsonDocument.Parse(Output).RootElement;
    }
}

/// <summary>A temporary folder for state files, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("meter-emulator-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
