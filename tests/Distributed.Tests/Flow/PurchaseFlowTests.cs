using SmsVending.Distributed.Tests.Support;

namespace SmsVending.Distributed.Tests.Flow;

/// <summary>The purchase flow across three processes — Gateway, Vending, KeyAuthority — over RabbitMQ and PostgreSQL.</summary>
public sealed class PurchaseFlowTests
{
    [Fact]
    public async Task Demo_AgainstTheDistributedSystem_TellsTheWholeStoryAndExitsZero()
    {
        await using var system = await DistributedSystem.StartAsync();

        var demo = await system.DemoAsync();

        Assert.True(demo.ExitCode == 0, $"{demo}\n--- vending:\n{system.Log("vending-1")}\n--- keyauthority:\n{system.Log("keyauthority-1")}");
        Assert.Contains("is linked to this phone", demo.Output);
        Assert.Equal(2, demo.Output.Split("-> Accept,").Length - 1);
        Assert.Contains("-> Used,", demo.Output);
        Assert.Contains("Done: every step behaved as expected.", demo.Output);
    }
}
