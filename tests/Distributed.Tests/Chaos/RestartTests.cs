using SmsVending.Distributed.Tests.Support;

namespace SmsVending.Distributed.Tests.Chaos;

/// <summary>RabbitMQ restarted in the middle of a load run, then PostgreSQL; nobody restarts a service: the system recovers by itself
/// and every purchase still vends exactly once. On private servers (ports 5433, 5673), so nothing else on the machine notices.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task RestartRabbitMqThenPostgres_MidRun_EveryPurchaseVendsExactlyOnce()
    {
        var (customers, purchases) = Chaos.Scale();
        await using var system = await DistributedSystem.StartAsync(privateServers: true);
        var load = LoadDriver.Start(system, customers, purchases);

        await Chaos.ProgressAsync(system, load, purchases / 4, "the run did not get a quarter through");
        await system.RestartRabbitMqAsync();
        await Chaos.ProgressAsync(system, load, purchases / 2, "the run did not get half through after RabbitMQ's restart");
        await system.RestartPostgresAsync();
        var (report, output) = await load.ReportAsync();

        Chaos.AssertEveryPurchaseVendedOnce(report, output, purchases);
        Assert.Empty(await Invariants.BrokenAsync(system, purchases));
    }
}
