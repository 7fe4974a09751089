using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Tests.Embedded;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Payments;

public sealed class NoProviderTests
{
    [Fact]
    public async Task Charge_NoProviderConfigured_IsLeftToVendingsTimeout()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var key = "stk-" + Guid.NewGuid().ToString("N");

        await gateway.PublishAsync(new PurchaseRequested { IdempotencyKey = key, Phone = DemoData.Customers[0].Phone, Amount = 300m, Channel = "ussd", ChargePhone = true });
        await EmbeddedGateway.EventuallyAsync(async () =>
            (await gateway.TimelineAsync(DemoData.Customers[0].Phone)).Entries.Any(e => e.Reference == key && e.Status == "awaiting_payment"), "the purchase waiting");
        gateway.Clock.Advance(TimeSpan.FromMinutes(4));

        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(key)).Any(s => s.Body.Contains("did not arrive in time", StringComparison.Ordinal)), "the timeout SMS");
        Assert.Empty(await gateway.QueryAsync<string>("SELECT purchase_id FROM gw_stk_requests"));
    }
}
