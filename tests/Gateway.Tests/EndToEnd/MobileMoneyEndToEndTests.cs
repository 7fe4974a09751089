using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Tests.Support;
using SmsVending.MeterEmulator.MobileMoney;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.EndToEnd;

/// <summary>The real thing on loopback with money: the emulated provider pays the Gateway's paybill (C2B) and answers its STK
/// pushes (OAuth, password, callback) over HTTP, and the customer ends up with a token SMS, or the reason there is none.</summary>
public sealed class MobileMoneyEndToEndTests : GatewayTest
{
    private const string ConsumerKey = "e2e-consumer-key", ConsumerSecret = "e2e-consumer-secret", ShortCode = "600100", PassKey = "e2e-passkey-0123456789";
    private const string CallbackSecret = "e2e-callback-secret-0123456789";

    [Fact]
    public async Task C2bToTheMetersNumber_RepeatedConfirmation_BuysOneToken()
    {
        var (money, gateway) = await StartAsync();
        await using var _ = money;
        await using var __ = gateway;
        var phone = DemoData.Customers[0].Phone;
        var meter = (await gateway.DemoCustomerAsync()).Meters[0].MeterNumber;

        var payment = await money.SendC2bAsync(phone, meter, 500m, duplicate: true);

        Assert.Equal("""{"ResultCode":"0","ResultDesc":"Accepted"}""", payment.Validation!.Body);
        Assert.Equal(2, payment.Confirmations.Count);
        Assert.All(payment.Confirmations, c => Assert.Equal("""{"ResultCode":0,"ResultDesc":"Success"}""", c.Body));
        var token = await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SentToAsync(phone)).FirstOrDefault(m => m.Tokens is not null), "the token SMS");
        Assert.Contains(meter, token.Body, StringComparison.Ordinal);
        // The repeat was refused as a duplicate when it was stored, so it can never buy a second token.
        Assert.Equal(1, await gateway.ScalarAsync($"SELECT COUNT(*) FROM gw_inbound WHERE external_id = '{payment.TransId}'"));
        Assert.Single((await gateway.TimelineAsync(phone)).Entries, e => e.Reference == payment.TransId);
    }

    [Fact]
    public async Task PhoneChargedPurchase_CustomerPays_EndsInATokenSms()
    {
        var (money, gateway) = await StartAsync();
        await using var _ = money;
        await using var __ = gateway;
        var phone = DemoData.Customers[1].Phone;
        await gateway.DemoCustomerAsync(1);
        money.Customers.SetBalance(phone, 1000m);

        await ChargePhoneAsync(gateway, phone, 300m);

        var token = await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SentToAsync(phone)).FirstOrDefault(m => m.Tokens is not null), "the token SMS");
        Assert.StartsWith("Token ", token.Body, StringComparison.Ordinal);
        var push = Assert.Single(money.Pushes);
        Assert.Equal((0, 300m), (push.ResultCode, push.Amount));
        Assert.Equal(700m, money.Customers.BalanceOf(phone));
    }

    [Fact]
    public async Task PhoneChargedPurchase_CustomerCancels_EndsInPaymentCancelledSms()
    {
        var (money, gateway) = await StartAsync();
        await using var _ = money;
        await using var __ = gateway;
        var phone = DemoData.Customers[2].Phone;
        await gateway.DemoCustomerAsync(2);
        money.Customers.Set(phone, CustomerBehaviour.Cancels);

        await ChargePhoneAsync(gateway, phone, 300m);

        await EmbeddedGateway.EventuallyAsync(async () =>
            (await gateway.SentToAsync(phone)).Any(m => m.Body.StartsWith("Payment cancelled", StringComparison.Ordinal)), "the Payment cancelled SMS");
        Assert.DoesNotContain(await gateway.SentToAsync(phone), m => m.Tokens is not null);
        Assert.Equal(1032, Assert.Single(money.Pushes).ResultCode);
    }

    // A purchase to be paid from the phone by STK push, as the USSD menu asks for one.
    private static Task ChargePhoneAsync(EmbeddedGateway gateway, string phone, decimal amount) =>
        gateway.Services.GetRequiredService<IBus>().Publish(new PurchaseRequested
        {
            IdempotencyKey = "e2e-stk-" + Guid.NewGuid().ToString("N"), Phone = phone, Amount = amount, Channel = "ussd", ChargePhone = true,
        });

    /// <summary>The provider and the Gateway on real loopback ports, each pointed at the other.</summary>
    private async Task<(MobileMoneyHost Money, EmbeddedGateway Gateway)> StartAsync()
    {
        var port = LoopbackPort.Free();
        var gatewayUrl = new Uri($"http://127.0.0.1:{port}");
        var money = await MobileMoneyHost.StartAsync(new MobileMoneySettings
        {
            ConsumerKey = ConsumerKey, ConsumerSecret = ConsumerSecret, ShortCode = ShortCode, PassKey = PassKey, Gateway = gatewayUrl, CallbackSecret = CallbackSecret,
        });
        var gateway = new EmbeddedGateway(Data, new Dictionary<string, string?>
        {
            ["Gateway:Mpesa:ApiBaseUrl"] = money.BaseAddress.AbsoluteUri, ["Gateway:Mpesa:ShortCode"] = ShortCode, ["Gateway:Mpesa:PassKey"] = PassKey,
            ["Gateway:Mpesa:ConsumerKey"] = ConsumerKey, ["Gateway:Mpesa:ConsumerSecret"] = ConsumerSecret, ["Gateway:Mpesa:CallbackSecret"] = CallbackSecret,
            ["Gateway:PublicBaseUrl"] = gatewayUrl.AbsoluteUri,
        });
        gateway.UseKestrel(port);
        gateway.StartServer();
        return (money, gateway);
    }
}
