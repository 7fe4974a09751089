using System.Net;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Tests.Support;
using SmsVending.MeterEmulator.PhoneNetwork;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.EndToEnd;

/// <summary>The real thing on loopback: an emulated phone sends a signed SMS to the Gateway over HTTP, the Gateway answers
/// through the Twilio SDK to the emulated Twilio API, the phone receives the token, and delivery reports come back.</summary>
public sealed class SmsEndToEndTests : GatewayTest
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "e2e-auth-token-0123456789";

    [Fact]
    public async Task SignedSmsIn_TokenSmsOutThroughTwilio_DecodesToTheRightMeterAndAmount()
    {
        var (network, gateway) = await StartAsync();
        await using var _ = network;
        await using var __ = gateway;
        var (phoneNumber, serial) = (DemoData.Customers[0].Phone, DemoData.Customers[0].Serial);
        var meter = MeterNumber.Create(serial).Digits;
        await gateway.DemoCustomerAsync();
        await gateway.FundAsync(phoneNumber, 1000m);
        var phone = network.Phone(phoneNumber);

        var sent = await phone.SendSmsAsync($"BUY {meter} 500");
        var received = await phone.WaitForMessageAsync(m => m.Body.StartsWith("Token ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, sent.GatewayStatus);
        Assert.Equal("SMSVEND", received.From);
        var digits = received.Body.Split(' ')[1..6];
        var token = TokenDecoder.Decode(StsToken.Parse(string.Concat(digits)), await gateway.DecoderAsync(meter));
        Assert.True(token.CrcOk);
        Assert.Contains($"Mtr {meter} {token.Amount:0.#}kWh", received.Body);
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.ReplyToAsync(phoneNumber, sent.MessageSid)).Status == "delivered", "the delivery report");
        await EmbeddedGateway.EventuallyAsync(async () =>
            (await gateway.TimelineAsync(phoneNumber)).Entries.Any(e => e.Kind == "purchase" && e.Status == "delivered"), "the purchase marked delivered");
    }

    [Fact]
    public async Task TwilioOutage_DelaysTheReplyButLosesNone()
    {
        var (network, gateway) = await StartAsync();
        await using var _ = network;
        await using var __ = gateway;
        var phoneNumber = DemoData.Customers[1].Phone;
        await gateway.DemoCustomerAsync(1);
        network.Settings.Faults.Outage = true;

        var sent = await network.Phone(phoneNumber).SendSmsAsync("BAL");
        await EmbeddedGateway.EventuallyAsync(async () =>
            (await gateway.SentToAsync(phoneNumber)).Any(m => m.Status == "pending" && m.Error is not null), "a failed send waiting in the outbox");
        network.Settings.Faults.Outage = false;

        var received = await network.Phone(phoneNumber).WaitForMessageAsync(m => m.Body.StartsWith("Your balance", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, sent.GatewayStatus);
        Assert.Equal("Your balance is KES0.00.", received.Body);
    }

    /// <summary>The phone network and the Gateway on real loopback ports, each pointed at the other.</summary>
    private async Task<(PhoneNetworkHost Network, EmbeddedGateway Gateway)> StartAsync()
    {
        var port = LoopbackPort.Free();
        var gatewayUrl = new Uri($"http://127.0.0.1:{port}");
        var network = await PhoneNetworkHost.StartAsync(new PhoneNetworkSettings
        {
            AccountSid = AccountSid, AuthToken = AuthToken, GatewayWebhook = new Uri(gatewayUrl, "/sms/twilio"),
        });
        var gateway = new EmbeddedGateway(Data, new Dictionary<string, string?>
        {
            ["Gateway:Twilio:AccountSid"] = AccountSid, ["Gateway:Twilio:AuthToken"] = AuthToken, ["Gateway:Twilio:ApiBaseUrl"] = network.BaseAddress.AbsoluteUri,
            ["Gateway:PublicBaseUrl"] = gatewayUrl.AbsoluteUri,
        });
        gateway.UseKestrel(port);
        gateway.StartServer();
        return (network, gateway);
    }
}
