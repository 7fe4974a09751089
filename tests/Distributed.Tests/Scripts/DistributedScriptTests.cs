using SmsVending.Distributed.Tests.Support;

namespace SmsVending.Distributed.Tests.Scripts;

/// <summary>What ops/distributed.sh refuses before it touches a server.</summary>
public sealed class DistributedScriptTests
{
    [Fact]
    public async Task Revive_InAFolderNoStartMade_SaysToStartFirst()
    {
        var folder = Path.Combine(Path.GetTempPath(), "smsvending-distributed", "never-started-" + Guid.NewGuid().ToString("N")[..8]);

        var result = await DistributedSystem.ScriptAsync("revive", new Dictionary<string, string> { ["SMSVENDING_DIST_DIR"] = folder });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"nothing to revive in {folder}: run ops/distributed.sh start first", result.Output);
        Assert.False(Directory.Exists(folder)); // nothing was made
    }

    [Fact]
    public async Task UnknownVerb_IsRefusedWithTheUsage()
    {
        var result = await DistributedSystem.ScriptAsync("restart", new Dictionary<string, string>());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: ", result.Output);
        Assert.Contains("start|revive|stop|status|clean", result.Output);
    }
}
