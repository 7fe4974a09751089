using SmsVending.MeterEmulator.GatewayApi;
using SmsVending.MeterEmulator.Load;

namespace SmsVending.MeterEmulator.Tests.Load;

/// <summary><see cref="LoadRun"/>'s own checks, made before it reaches any Gateway.</summary>
public class LoadRunTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(-1)]
    public async Task RunAsync_AWarmupThatLeavesNothingToMeasure_IsRefused(int warmup)
    {
        var credentials = new GatewayCredentials("admin", "supervisor", "agent", "manufacturing", "AC0", "token", null);
        var settings = new LoadSettings(new Uri("http://127.0.0.1:9"), credentials, Customers: 1, Purchases: 10) { Warmup = warmup };

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LoadRun.RunAsync(settings));

        Assert.Contains("the warm-up must leave purchases to measure", refused.Message, StringComparison.Ordinal);
    }
}
