using SmsVending.MeterEmulator.GatewayApi;
using SmsVending.MeterEmulator.Load;

namespace SmsVending.MeterEmulator.Tests.Load;

/// <summary><see cref="LoadRun"/>'s own checks, made before it reaches any Gateway.</summary>
public class LoadRunTests
{
    /// <summary>A run against a port nothing listens on: these checks come before any call.</summary>
    private static readonly LoadSettings Settings = new(new Uri("http://127.0.0.1:9"),
        new GatewayCredentials("admin", "supervisor", "agent", "manufacturing", "AC0", "token", null), Customers: 1, Purchases: 10);

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(-1)]
    public async Task RunAsync_AWarmupThatLeavesNothingToMeasure_IsRefused(int warmup)
    {
        var settings = Settings with { Warmup = warmup };

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LoadRun.RunAsync(settings));

        Assert.Contains("the warm-up must leave purchases to measure", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000)]
    public async Task RunAsync_APrefixNotOfThreeDigits_IsRefused(int prefix)
    {
        var settings = Settings with { RunPrefix = prefix };

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LoadRun.RunAsync(settings));

        Assert.Contains("the run prefix is three digits", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkerRandom_ASeedAndWorker_ChooseTheSameInEveryProcess()
    {
        // Values taken once from another process: a seed salted per process (HashCode.Combine) would not give them.
        var random = LoadRun.WorkerRandom(7, 2);

        Assert.Equal((941, 889, 778), (random.Next(1000), random.Next(1000), random.Next(1000)));
    }
}
