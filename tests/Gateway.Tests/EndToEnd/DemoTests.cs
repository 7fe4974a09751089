using System.Text.RegularExpressions;
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

    [Fact]
    public async Task RunAsync_TwiceWithOneSeed_DrawsAgainTheNumbersTheFirstRunTook()
    {
        await using var world = await WorldGateway.StartAsync(Data);
        var settings = new DemoSettings(world.Url, world.Credentials, world.PhonesUrl, world.MoneyUrl) { Seed = 7 };
        using var first = new StringWriter();
        using var second = new StringWriter();

        var firstExit = await DemoStory.RunAsync(settings, first);
        var secondExit = await DemoStory.RunAsync(settings, second);

        Assert.True(firstExit == 0, first.ToString());
        Assert.True(secondExit == 0, second.ToString());
        var (firstMeter, firstPhone) = Numbers(first.ToString());
        var (secondMeter, secondPhone) = Numbers(second.ToString());
        Assert.NotEqual(firstMeter, secondMeter);
        Assert.NotEqual(firstPhone, secondPhone);
        // The same seed drew the first run's numbers first, and the story said so as it drew again.
        Assert.Contains($"{firstMeter} is on record already: drawing another", second.ToString());
        Assert.Contains($"{firstPhone} is on record already: drawing another", second.ToString());
    }

    private static (string Meter, string Phone) Numbers(string story) =>
        (Regex.Match(story, @"meter (\d{11}) added").Groups[1].Value, Regex.Match(story, @"SMS (\+\d+) -> service: REG").Groups[1].Value);
}
