using SmsVending.Gateway.Tests.Support;
using SmsVending.MeterEmulator.Load;

namespace SmsVending.Gateway.Tests.EndToEnd;

/// <summary>The load driver against the embedded Gateway on loopback: provisioning through the admin API and M-Pesa, purchases
/// with repeated webhooks and garbage mixed in, every token keyed into an emulated meter.</summary>
public sealed class LoadTests : GatewayTest
{
    [Fact]
    public async Task RunAsync_SmallRunWithDuplicatesAndGarbage_EveryPurchaseVendsOnce()
    {
        await using var world = await StartWithoutRateLimitAsync();
        var settings = Settings(world, customers: 4, purchases: 30) with { Concurrency = 3, DuplicateRate = 0.5, GarbageRate = 0.5, Seed = 7 };

        var report = await LoadRun.RunAsync(settings);

        Assert.True(report.ExitCode == 0, report.ToJson());
        Assert.Equal((30, 30, 30, 30), (report.Purchases, report.Replies, report.TokenSetsAccepted, report.TokensAccepted));
        Assert.Equal((0, 0, 0, 0), (report.Duplicates, report.Errors, report.ExtraTokenSets, report.ExtraMessages));
        Assert.Empty(report.Rejections);
        Assert.InRange(report.DuplicateWebhooks, 1, 29);
        Assert.InRange(report.Garbage.Sent, 1, 29);
        Assert.Equal(report.Garbage.Sent, report.Garbage.Answered);
        Assert.True(report.LatencyMs.P50 > 0 && report.LatencyMs.P50 <= report.LatencyMs.P99 && report.LatencyMs.P99 <= report.LatencyMs.Max, report.ToJson());
        Assert.True(report.ThroughputPerSec > 0);
    }

    [Fact]
    public async Task RunAsync_WithAWarmup_ChecksEveryPurchaseAndTimesOnlyThoseAfterIt()
    {
        await using var world = await StartWithoutRateLimitAsync();
        var settings = Settings(world, customers: 3, purchases: 24) with { Concurrency = 3, Warmup = 18 };

        var report = await LoadRun.RunAsync(settings);

        Assert.True(report.ExitCode == 0, report.ToJson());
        Assert.Equal((24, 24, 24, 18), (report.Purchases, report.Replies, report.TokenSetsAccepted, report.WarmupPurchases));
        // The window holds the 6 purchases after the warm-up, not all 24 (the throughput and duration are both rounded).
        Assert.InRange(report.ThroughputPerSec * report.DurationSeconds, 5.5, 6.5);
    }

    [Fact]
    public async Task RunAsync_NumbersOnItsPrefixRegisteredAlready_DrawsOthersAndVends()
    {
        await using var world = await StartWithoutRateLimitAsync();
        // Prefix 110 makes the second customer +254711000001, the demo's first customer; a second run on it finds the first run's meters too.
        var settings = Settings(world, customers: 2, purchases: 4) with { Concurrency = 2, RunPrefix = 110 };

        var first = await LoadRun.RunAsync(settings);
        var second = await LoadRun.RunAsync(settings);

        Assert.True(first.ExitCode == 0, first.ToJson());
        Assert.True(second.ExitCode == 0, second.ToJson());
        Assert.Equal((4, 4), (first.TokenSetsAccepted, second.TokenSetsAccepted));
    }

    [Fact]
    public async Task RunAsync_HalfOverInfrared_EveryPurchaseVendsOnceAndEachReceiptCarriesTheCreditedTokens()
    {
        await using var world = await StartWithoutRateLimitAsync();
        var settings = Settings(world, customers: 3, purchases: 12) with { Concurrency = 3, IrShare = 0.5, Seed = 11 };

        var report = await LoadRun.RunAsync(settings);

        Assert.True(report.ExitCode == 0, report.ToJson());
        Assert.Equal((12, 12, 12), (report.Purchases, report.Replies, report.TokenSetsAccepted));
        Assert.InRange(report.Infrared.Sent, 1, 11);
        Assert.Equal(report.Infrared.Sent, report.Infrared.Credited);
        Assert.Equal((0, 0, 0), (report.Duplicates, report.Errors, report.ExtraMessages));
    }

    [Fact]
    public async Task RunAsync_WithARate_StartsNoPurchaseBeforeItsTurn()
    {
        await using var world = await StartWithoutRateLimitAsync();
        var settings = Settings(world, customers: 2, purchases: 10) with { Concurrency = 2, Rate = 20 };

        var report = await LoadRun.RunAsync(settings);

        // Purchase i starts no earlier than i / 20 s, so the tenth cannot start before 0.45 s (a lower bound, not a speed check).
        Assert.True(report.ExitCode == 0, report.ToJson());
        Assert.True(report.DurationSeconds >= 0.45, report.ToJson());
    }

    [Fact]
    public async Task RunAsync_GatewayRefusesTheRate_ReportsTheRefusalsAndFails()
    {
        // The Gateway's default limit lets a phone send 10 messages a minute; one customer buying 12 times goes over it.
        await using var world = await WorldGateway.StartAsync(Data);
        var settings = Settings(world, customers: 1, purchases: 12);

        var report = await LoadRun.RunAsync(settings);

        Assert.Equal(1, report.ExitCode);
        Assert.Equal((12, 10, 10), (report.Purchases, report.Replies, report.TokenSetsAccepted));
        Assert.Equal(2, report.Errors);
        Assert.Equal(2, report.ErrorReasons["the SMS webhook answered 429"]);
    }

    /// <summary>The embedded Gateway with the outside world, its per-phone limit lifted so the phones can buy as fast as they like.</summary>
    private Task<WorldGateway> StartWithoutRateLimitAsync() =>
        WorldGateway.StartAsync(Data, new Dictionary<string, string?> { ["Gateway:RateLimitPerPhone"] = "1000" });

    /// <summary>A run against <paramref name="world"/>'s Gateway, phone network and M-Pesa.</summary>
    private static LoadSettings Settings(WorldGateway world, int customers, int purchases) =>
        new(world.Url, world.Credentials, customers, purchases) { PhonesUrl = world.PhonesUrl, MoneyUrl = world.MoneyUrl };
}
