using Dapper;
using SmsVending.Distributed.Tests.Support;

namespace SmsVending.Distributed.Tests.Overload;

/// <summary>A burst far above what the system may hold open (Gateway:MaxOpenPurchases 10, 200 phones texting at once): the
/// excess is refused at once with the busy SMS and charges nothing, the rest vends exactly once, and nothing goes unanswered.</summary>
public sealed class OverloadTests
{
    private const string Busy = "Service busy: nothing was charged";

    [Fact]
    public async Task Burst_FarAboveTheOpenLimit_IsShedWithTheBusyReplyAndTheRestVendsOnce()
    {
        const int Customers = 200, Purchases = 600;
        await using var system = await DistributedSystem.StartAsync(settings: new Dictionary<string, string> { ["Gateway__MaxOpenPurchases"] = "10" });

        var (report, output) = await LoadDriver.Start(system, Customers, Purchases, concurrency: Customers).ReportAsync();

        var shed = report.Rejections.Where(r => r.Key.StartsWith(Busy, StringComparison.Ordinal)).Sum(r => r.Value);
        Assert.True(shed > 0, $"nothing was shed:\n{output}");
        Assert.True(report.Replies == Purchases && report.Errors == 0 && report.Duplicates == 0 && report.ExtraTokenSets == 0, $"lost, doubled or failed:\n{output}");
        Assert.True(report.TokenSetsAccepted + shed == Purchases && report.Rejections.Values.Sum() == shed, $"not vended once nor shed:\n{output}");
        Assert.Empty(await Invariants.BrokenAsync(system, report.TokenSetsAccepted));
        await using var gateway = await system.OpenDatabaseAsync("gateway");
        Assert.Equal(shed, await gateway.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM gw_inbound WHERE command = 'BUY' AND outcome = 'shed'"));
    }
}
