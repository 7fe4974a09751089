using Dapper;
using SmsVending.Distributed.Tests.Support;

namespace SmsVending.Distributed.Tests.Chaos;

/// <summary>The KeyAuthority down for longer than Vending waits for it: paid purchases tell the customer the token will follow,
/// wait in RabbitMQ's redelivery, and vend exactly once when it is back; the load driver takes the SMS after the notice as the
/// purchase's answer.</summary>
public sealed class KeyAuthorityDownTests
{
    private const int Customers = 10, Purchases = 300;

    [Fact]
    public async Task KeyAuthorityDown_PaidPurchasesSayTheTokenWillFollow_AndVendOnceWhenItIsBack()
    {
        await using var system = await DistributedSystem.StartAsync(settings: new Dictionary<string, string> { ["Vending__KeyAuthorityTimeout"] = "00:00:01" });
        Assert.Equal(0, await Chaos.IssuedAsync(system)); // also readies the probe, so that it sees the first purchase in time
        var load = LoadDriver.Start(system, Customers, Purchases, concurrency: Customers);
        // The diagnostics only on failure: an interpolated message is built before the assertion runs, and listing the queues
        // takes seconds, which would move the kill past the first purchases.
        if (!await load.WhenAsync(async () => await Chaos.IssuedAsync(system) >= 1, TimeSpan.FromMinutes(5)))
        {
            Assert.Fail($"no purchase was issued\n{await system.DiagnosticsAsync()}"); // provisioning needs the KeyAuthority
        }

        system.Kill("keyauthority-1");
        var issuedAtKill = await Chaos.IssuedAsync(system);
        var noticed = await load.WhenAsync(() => NoticesSentAsync(system, 3), TimeSpan.FromMinutes(2));
        await system.ReviveAsync();
        var (report, output) = await load.ReportAsync();

        if (!noticed)
        {
            Assert.Fail($"no purchase said its token would follow ({issuedAtKill} of {Purchases} were issued when the KeyAuthority was killed)\n{output}\n{await system.DiagnosticsAsync()}");
        }

        await Chaos.AssertEveryPurchaseVendedOnceAsync(system, report, output, Purchases);
        Assert.True(report.PendingNotices >= 3, $"the driver did not see the notices:\n{output}");
        Assert.Empty(await Invariants.BrokenAsync(system, Purchases));
    }

    /// <summary>Whether the Gateway has queued at least <paramref name="count"/> "your token will follow" SMS.</summary>
    private static async Task<bool> NoticesSentAsync(DistributedSystem system, int count)
    {
        await using var gateway = await system.OpenDatabaseAsync("gateway");
        return await gateway.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM gw_outbound WHERE body LIKE '%token will follow%'") >= count;
    }
}
