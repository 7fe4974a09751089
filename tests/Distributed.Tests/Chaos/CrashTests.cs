using SmsVending.Distributed.Tests.Support;

namespace SmsVending.Distributed.Tests.Chaos;

/// <summary>kill -9 of Vending, then of the KeyAuthority, in the middle of a load run; `ops/distributed.sh start` brings each back.
/// Every purchase still ends with exactly one debit and one accepted token set, and no message is lost.</summary>
/// <remarks>ops/chaos.sh runs it longer (SMSVENDING_CHAOS_PURCHASES).</remarks>
public sealed class CrashTests
{
    [Fact]
    public async Task KillVendingThenKeyAuthority_MidRun_EveryPurchaseVendsExactlyOnce()
    {
        var (customers, purchases) = Chaos.Scale();
        await using var system = await DistributedSystem.StartAsync();
        var load = LoadDriver.Start(system, customers, purchases);

        await Chaos.ProgressAsync(system, load, purchases / 4, "the run did not get a quarter through");
        system.Kill("vending-1");
        await system.StartAgainAsync();
        await Chaos.ProgressAsync(system, load, purchases / 2, "the run did not get half through after Vending's restart");
        system.Kill("keyauthority-1");
        await system.StartAgainAsync();
        var (report, output) = await load.ReportAsync();

        Chaos.AssertEveryPurchaseVendedOnce(report, output, purchases);
        Assert.Empty(await Invariants.BrokenAsync(system, purchases));
    }
}
