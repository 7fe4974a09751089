using System.Net;
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
        var (gatewayPort, phonesPort, moneyPort) = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
        var gatewayUrl = new Uri($"http://127.0.0.1:{gatewayPort}");
        await using var gateway = new EmbeddedGateway(Data, new Dictionary<string, string?>
        {
            ["Gateway:PublicBaseUrl"] = gatewayUrl.AbsoluteUri,
            ["Gateway:Twilio:ApiBaseUrl"] = $"http://127.0.0.1:{phonesPort}",
            ["Gateway:Mpesa:ApiBaseUrl"] = $"http://127.0.0.1:{moneyPort}", ["Gateway:Mpesa:ShortCode"] = DemoSettings.ShortCode,
            ["Gateway:Mpesa:PassKey"] = DemoSettings.PassKey, ["Gateway:Mpesa:ConsumerKey"] = DemoSettings.ConsumerKey,
            ["Gateway:Mpesa:ConsumerSecret"] = DemoSettings.ConsumerSecret,
        });
        gateway.UseKestrel(gatewayPort);
        gateway.StartServer();
        await gateway.DemoCustomerAsync(); // the demo tariff and vending key are seeded
        var c = gateway.Credentials;
        var credentials = new DemoCredentials(c.AdminApiKey, c.SupervisorApiKey, c.AgentApiKey, c.ManufacturingApiKey, c.TwilioAccountSid, c.TwilioAuthToken,
            c.MpesaCallbackSecret);
        using var output = new StringWriter();

        var exitCode = await DemoStory.RunAsync(new DemoSettings(gatewayUrl, credentials, $"http://127.0.0.1:{phonesPort}", $"http://127.0.0.1:{moneyPort}"), output);

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
