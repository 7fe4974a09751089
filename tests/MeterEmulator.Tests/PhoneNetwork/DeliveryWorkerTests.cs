using Microsoft.AspNetCore.Http;
using SmsVending.MeterEmulator.PhoneNetwork;
using Twilio.Security;

namespace SmsVending.MeterEmulator.Tests.PhoneNetwork;

public class DeliveryWorkerTests
{
    [Fact]
    public async Task Deliver_Message_ReachesTheInboxWithSignedCallbacksQueuedSentDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());
        var callbackUrl = new Uri(receiver.BaseAddress, "/sms/status?outbox=42");

        var message = await TestNetwork.SendThroughSdkAsync(network, "Token 1234", callbackUrl);
        var received = await network.Inbox.WaitForMessageAsync(TestNetwork.Customer, m => m.Sid == message.Sid, TestNetwork.Patience);
        var callbacks = await receiver.NextAsync(3);

        Assert.Equal("Token 1234", received.Body);
        Assert.Equal("+15005550006", received.From);
        Assert.Equal(["queued", "sent", "delivered"], callbacks.Select(c => c.Form["MessageStatus"]));
        var validator = new RequestValidator(network.Settings.AuthToken);
        Assert.All(callbacks, c =>
        {
            Assert.Equal("/sms/status?outbox=42", c.PathAndQuery);
            Assert.True(validator.Validate(callbackUrl.AbsoluteUri, c.Form, c.Signature));
            Assert.Equal(message.Sid, c.Form["MessageSid"]);
            Assert.Equal(network.Settings.AccountSid, c.Form["AccountSid"]);
            Assert.Equal(TestNetwork.Customer, c.Form["To"]);
            Assert.Equal("+15005550006", c.Form["From"]);
            Assert.Equal("2010-04-01", c.Form["ApiVersion"]);
            Assert.False(c.Form.ContainsKey("ErrorCode"));
        });
    }

    [Fact]
    public async Task Deliver_AllMessagesLost_CallsBackUndelivered30003AndTheInboxStaysEmpty()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = TestNetwork.Settings();
        settings.Faults.UndeliveredShare = 1;
        await using var network = await PhoneNetworkHost.StartAsync(settings);
        var callbackUrl = new Uri(receiver.BaseAddress, "/sms/status");

        await TestNetwork.SendThroughSdkAsync(network, "Token 1234", callbackUrl);
        var callbacks = await receiver.NextAsync(3);

        Assert.Equal(["queued", "sent", "undelivered"], callbacks.Select(c => c.Form["MessageStatus"]));
        Assert.Equal("30003", callbacks[2].Form["ErrorCode"]);
        Assert.True(new RequestValidator(settings.AuthToken).Validate(callbackUrl.AbsoluteUri, callbacks[2].Form, callbacks[2].Signature));
        Assert.Empty(network.Inbox.Messages(TestNetwork.Customer));
    }

    [Fact]
    public async Task Deliver_CallbackFailsOnce_RetriesThatStatusBeforeTheNext()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n == 2 ? Results.StatusCode(500) : Results.Ok());
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());

        await TestNetwork.SendThroughSdkAsync(network, "Token 1234", new Uri(receiver.BaseAddress, "/sms/status"));
        var callbacks = await receiver.NextAsync(4);

        Assert.Equal(["queued", "sent", "sent", "delivered"], callbacks.Select(c => c.Form["MessageStatus"]));
    }
}
