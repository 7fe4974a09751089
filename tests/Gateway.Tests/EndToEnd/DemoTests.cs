using SmsVending.Gateway.Tests.Support;
using SmsVending.MeterEmulator.Demo;

namespace SmsVending.Gateway.Tests.EndToEnd;

/// <summary>The `demo` command's story against the embedded Gateway on loopback, configured as the README's Demo section says:
/// SMS to the demo's phone network, STK pushes to its M-Pesa provider.</summary>
public sealed class DemoTests : GatewayTest
{
    [Fact]
    public async Task RunAsync_AgainstTheEmbeddedGateway_TellsTheWholeStoryAndExitsZero()
    {
        await using var world = await WorldGateway.StartAsync(Data);
        using var output = new StringWriter();

        var exitCode = await DemoStory.RunAsync(new DemoSettings(world.Url, world.Credentials, world.PhonesUrl, world.MoneyUrl), output);

        var story = output.ToString();
        Assert.True(exitCode == 0, story);
        Assert.Contains("is linked to this phone", story);
        Assert.Contains("Your balance is KES1000.00.", story);
        Assert.Matches(@"-> Accept, credit [1-9]", story);
        Assert.Equal(2, story.Split("-> Accept,").Length - 1);
        Assert.Contains("-> Used,", story);
        Assert.Contains("USSD 1*200*1", story);
        Assert.Contains("audit (supervisor): agent (agent)", story);
        Assert.EndsWith("Done: every step behaved as expected." + Environment.NewLine, story);
    }
}
