using System.Text.Json;
using SmsVending.MeterEmulator.Load;

namespace SmsVending.MeterEmulator.Tests.Load;

public class LoadReportTests
{
    [Fact]
    public void ToJson_HasTheKeysTheIssueNames()
    {
        var tally = new LoadTally();
        tally.PurchaseSent();
        tally.Replied(TimeSpan.FromMilliseconds(12));
        tally.TokenAccepted();
        tally.TokenSetAccepted();

        var json = JsonDocument.Parse(tally.Report(1, TimeSpan.FromSeconds(2)).ToJson()).RootElement;

        foreach (var key in new[] { "purchases", "replies", "tokensAccepted", "rejections", "duplicates", "errors", "throughputPerSec", "latencyMs" })
        {
            Assert.True(json.TryGetProperty(key, out _), key);
        }

        Assert.Equal(1, json.GetProperty("purchases").GetInt32());
        Assert.Equal(0.5, json.GetProperty("throughputPerSec").GetDouble());
        var latency = json.GetProperty("latencyMs");
        foreach (var key in new[] { "p50", "p95", "p99", "max" })
        {
            Assert.InRange(latency.GetProperty(key).GetDouble(), 11.9, 12.1);
        }
    }

    [Fact]
    public void Report_AfterAWarmup_MeasuresOnlyThePurchasesAfterIt()
    {
        var tally = new LoadTally();
        foreach (var (latency, afterWarmup) in new[] { (900, false), (800, false), (10, true), (20, true) })
        {
            tally.PurchaseSent();
            tally.Replied(TimeSpan.FromMilliseconds(latency), afterWarmup);
            tally.TokenAccepted();
            tally.TokenSetAccepted(afterWarmup);
        }

        var report = tally.Report(4, TimeSpan.FromSeconds(4), warmup: 2);

        // Everything is counted and checked; the two slow warm-up answers are in neither the latency nor the throughput.
        Assert.Equal((4, 4, 4, 0), (report.Purchases, report.Replies, report.TokenSetsAccepted, report.ExitCode));
        Assert.Equal(0.5, report.ThroughputPerSec); // 2 purchases in the 4 s window
        Assert.InRange(report.LatencyMs.Max, 19.9, 20.1);
        Assert.Equal(2, JsonDocument.Parse(report.ToJson()).RootElement.GetProperty("warmupPurchases").GetInt32());
    }

    [Fact]
    public void ExitCode_EveryPurchaseVendedOnce_IsZero()
    {
        var tally = Vended(2);

        Assert.Equal(0, tally.Report(2, TimeSpan.FromSeconds(1)).ExitCode);
    }

    [Fact]
    public void ExitCode_APurchaseWithoutAnAcceptedTokenSet_IsOne()
    {
        var tally = Vended(2);
        tally.PurchaseSent();
        tally.Replied(TimeSpan.FromMilliseconds(5));
        tally.Rejected("Not enough balance (KES200.00). Pay by M-Pesa, then try again.");

        var report = tally.Report(3, TimeSpan.FromSeconds(1));

        Assert.Equal(1, report.ExitCode);
        Assert.Equal(1, report.Rejections["Not enough balance (KES#). Pay by M-Pesa, then try again."]);
    }

    [Fact]
    public void ExitCode_ADoubleVend_IsOneAndCountsAsAnError()
    {
        var tally = Vended(1);
        tally.ExtraTokenSet();

        var report = tally.Report(1, TimeSpan.FromSeconds(1));

        Assert.Equal(1, report.ExitCode);
        Assert.Equal(1, report.Errors);
        Assert.Equal(1, report.ExtraTokenSets);
    }

    [Fact]
    public void Rejected_SameReasonWithOtherNumbers_CountsOnce()
    {
        var tally = new LoadTally();
        tally.Rejected("Service busy. You have paid; your token will follow shortly. Ref 64CB47");
        tally.Rejected("Service busy. You have paid; your token will follow shortly. Ref 0A1B2C");

        var reason = Assert.Single(tally.Report(1, TimeSpan.FromSeconds(1)).Rejections);

        Assert.Equal(("Service busy. You have paid; your token will follow shortly. Ref #", 2), (reason.Key, reason.Value));
    }

    private static LoadTally Vended(int purchases)
    {
        var tally = new LoadTally();
        for (var i = 0; i < purchases; i++)
        {
            tally.PurchaseSent();
            tally.Replied(TimeSpan.FromMilliseconds(5));
            tally.TokenAccepted();
            tally.TokenSetAccepted();
        }

        return tally;
    }
}
