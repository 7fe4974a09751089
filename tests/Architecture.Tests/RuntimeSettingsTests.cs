using System.Text.Json;

namespace SmsVending.Architecture.Tests;

/// <summary>The runtime settings every executable of ours is built with (their runtimeconfig.json, copied beside these tests).</summary>
public class RuntimeSettingsTests
{
    public static TheoryData<string> Executables => ["Gateway", "Vending", "KeyAuthority", "MeterEmulator"];

    [Theory]
    [MemberData(nameof(Executables))]
    public void Executable_IdleThreadPoolWorkersSleepWithoutSpinning(string component)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, $"SmsVending.{component}.runtimeconfig.json")));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }
}
