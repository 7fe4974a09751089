using System.Net;
using Microsoft.AspNetCore.Http;
using SmsVending.MeterEmulator.PhoneNetwork;
using Twilio.Security;

namespace SmsVending.MeterEmulator.Tests.PhoneNetwork;

public class EmulatedPhoneTests
{
    [Fact]
    public async Task SendSmsAsync_PostsTheFormTwilioSends_SignedOverTheGatewaysPublicUrl()
    {
        await using var gateway = await WebhookReceiver.StartAsync();
        var publicUrl = new Uri("https://sms.example.com/sms/twilio");
        var settings = TestNetwork.Settings(new Uri(gateway.BaseAddress, "/sms/twilio")) with { GatewayPublicWebhook = publicUrl, MessagingServiceSid = "MG0123456789abcdef0123456789abcdef" };
        await using var network = await PhoneNetworkHost.StartAsync(settings);

        var sent = await network.Phone(TestNetwork.Customer).SendSmsAsync("BUY 04123456789 500");
        var webhook = await gateway.NextAsync();

        Assert.Equal(HttpStatusCode.OK, sent.GatewayStatus);
        Assert.Equal("/sms/twilio", webhook.PathAndQuery);
        var validator = new RequestValidator(settings.AuthToken);
        Assert.True(validator.Validate(publicUrl.AbsoluteUri, webhook.Form, webhook.Signature));
        Assert.False(validator.Validate(new Uri(gateway.BaseAddress, "/sms/twilio").AbsoluteUri, webhook.Form, webhook.Signature));
        Assert.Matches("^SM[0-9a-f]{32}$", webhook.Form["MessageSid"]);
        Assert.Equal(sent.MessageSid, webhook.Form["MessageSid"]);
        Assert.Equal(sent.MessageSid, webhook.Form["SmsSid"]);
        Assert.Equal(settings.AccountSid, webhook.Form["AccountSid"]);
        Assert.Equal(settings.MessagingServiceSid, webhook.Form["MessagingServiceSid"]);
        Assert.Equal(TestNetwork.Customer, webhook.Form["From"]);
        Assert.Equal(settings.ServiceNumber, webhook.Form["To"]);
        Assert.Equal("BUY 04123456789 500", webhook.Form["Body"]);
        Assert.Equal("1", webhook.Form["NumSegments"]);
        Assert.Equal("0", webhook.Form["NumMedia"]);
        Assert.Equal("received", webhook.Form["SmsStatus"]);
        Assert.Equal("2010-04-01", webhook.Form["ApiVersion"]);
    }

    [Fact]
    public async Task ResendAsync_RepeatsTheSameMessageSid()
    {
        await using var gateway = await WebhookReceiver.StartAsync(n => n == 1 ? Results.StatusCode(502) : Results.Ok());
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings(gateway.BaseAddress));
        var phone = network.Phone(TestNetwork.Customer);

        var first = await phone.SendSmsAsync("BAL");
        var again = await phone.ResendAsync(first);
        var webhooks = await gateway.NextAsync(2);

        Assert.Equal(HttpStatusCode.BadGateway, first.GatewayStatus);
        Assert.Equal(HttpStatusCode.OK, again.GatewayStatus);
        Assert.Equal(first.MessageSid, again.MessageSid);
        Assert.All(webhooks, w => Assert.Equal(first.MessageSid, w.Form["MessageSid"]));
        Assert.All(webhooks, w => Assert.True(new RequestValidator(network.Settings.AuthToken).Validate(gateway.BaseAddress.AbsoluteUri, w.Form, w.Signature)));
    }

    [Fact]
    public async Task SendSmsAsync_GatewayAnswersTwiMLMessage_ReplyLandsInThePhonesInbox()
    {
        await using var gateway = await WebhookReceiver.StartAsync(_ => Results.Text("<Response><Message>Send: BUY meter amount</Message></Response>", "application/xml"));
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings(gateway.BaseAddress));
        var phone = network.Phone(TestNetwork.Customer);

        await phone.SendSmsAsync("HELLO");
        var reply = await phone.WaitForMessageAsync(_ => true, TestNetwork.Patience);

        Assert.Equal("Send: BUY meter amount", reply.Body);
        Assert.Equal(network.Settings.ServiceNumber, reply.From);
    }

    [Fact]
    public async Task Phone_NumberNotE164_Throws()
    {
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());

        Assert.Throws<ArgumentException>(() => network.Phone("0711000001"));
    }
}
