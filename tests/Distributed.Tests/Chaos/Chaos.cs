using System.Globalization;
using Dapper;
using SmsVending.Distributed.Tests.Support;

namespace SmsVending.Distributed.Tests.Chaos;

/// <summary>The size of the chaos runs and what their load reports must show.</summary>
internal static class Chaos
{
    /// <summary>How long a run may take to reach the next point of harm.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>A run's purchases are spread over at least this long, so that the harm lands in the middle of it: unpaced, CI's 1,200
    /// purchases took 20 s, less than stopping and starting RabbitMQ takes on a busy machine, and the restart came after the run.</summary>
    private const double PacedSeconds = 80;

    /// <summary>Customers and purchases: short in CI, as many as SMSVENDING_CHAOS_PURCHASES says for ops/chaos.sh.</summary>
    private static (int Customers, int Purchases) Scale()
    {
        var purchases = int.TryParse(Environment.GetEnvironmentVariable("SMSVENDING_CHAOS_PURCHASES"), CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1200;
        return (Math.Clamp(purchases / 20, 10, 2000), purchases);
    }

    /// <summary>Every purchase was answered with exactly one token set, which its meter accepted: no refusal (not even "service busy"),
    /// no second token set, no token twice, no phone left waiting. A failure shows the report, the queues and each service's last errors.</summary>
    public static async Task AssertEveryPurchaseVendedOnceAsync(DistributedSystem system, LoadReport report, string output, int purchases)
    {
        if (report.Purchases != purchases || report.TokenSetsAccepted != purchases)
        {
            Assert.Fail($"not every purchase got one accepted token set:\n{output}\n{await system.DiagnosticsAsync()}");
        }

        Assert.True(report.Errors == 0 && report.Duplicates == 0 && report.ExtraTokenSets == 0 && report.Rejections.Count == 0, $"errors, refusals or extra tokens:\n{output}");
    }

    /// <summary>A load run against a fresh system, with <paramref name="first"/> done a quarter of the way through and
    /// <paramref name="second"/> half way; then every purchase must have vended exactly once and the databases' invariants hold.</summary>
    /// <remarks>ops/chaos.sh runs it longer (SMSVENDING_CHAOS_PURCHASES).</remarks>
    public static async Task RunAsync(bool privateServers, (string What, Func<DistributedSystem, Task> Do) first, (string What, Func<DistributedSystem, Task> Do) second)
    {
        var (customers, purchases) = Scale();
        await using var system = await DistributedSystem.StartAsync(privateServers: privateServers);
        var load = LoadDriver.Start(system, customers, purchases, rate: purchases / PacedSeconds);

        await ProgressAsync(system, load, purchases / 4, $"the run did not get a quarter through, before {first.What}");
        await first.Do(system);
        await ProgressAsync(system, load, purchases / 2, $"the run did not get half through after {first.What}");
        await second.Do(system);
        Assert.False(load.Finished, $"the run was over before {second.What} was done: the harm came too late to prove anything");
        var (report, output) = await load.ReportAsync();

        await AssertEveryPurchaseVendedOnceAsync(system, report, output, purchases);
        Assert.Empty(await Invariants.BrokenAsync(system, purchases));
    }

    /// <summary>Waits until Vending has issued <paramref name="issued"/> purchases of the run; fails with the queues and logs when it
    /// does not within <see cref="Limit"/>.</summary>
    private static async Task ProgressAsync(DistributedSystem system, LoadDriver load, int issued, string failure)
    {
        if (!await load.WhenAsync(async () => await IssuedAsync(system) >= issued, Limit))
        {
            Assert.Fail($"{failure}\n{await system.DiagnosticsAsync()}\n{load.Ending}");
        }
    }

    /// <summary>How many purchases Vending has issued: how far a run has got.</summary>
    public static async Task<long> IssuedAsync(DistributedSystem system)
    {
        await using var vending = await system.OpenDatabaseAsync("vending");
        return await vending.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM vd_purchases WHERE status IN ('issued', 'delivered')");
    }
}
