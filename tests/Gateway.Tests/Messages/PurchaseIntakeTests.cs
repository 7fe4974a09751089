using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Sms;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Messages;

/// <summary>With Gateway:MaxOpenPurchases purchases open, a new one is shed with the busy reply and charges nothing; one that may have
/// reached Vending already (a re-drive) always goes on.</summary>
public sealed class PurchaseIntakeTests : GatewayTest
{
    private const int Limit = 3;

    [Fact]
    public async Task Buy_WithTheLimitOpen_IsShedWithTheBusyReplyAndChargesNothing()
    {
        await using var gateway = await AtTheLimitAsync();
        var phone = DemoData.Customers[0].Phone;
        await gateway.FundAsync(phone, 500m);
        var sid = gateway.NewMessageSid();

        await gateway.PostSmsAsync(phone, $"BUY {await MeterOfAsync(gateway, 0)} 200", sid);

        Assert.Equal(SmsReplies.Busy, (await gateway.ReplyToAsync(phone, sid)).Body);
        Assert.Equal(500m, (await gateway.TimelineAsync(phone)).WalletBalance);
        Assert.Equal(1, await gateway.ScalarAsync($"SELECT COUNT(*) FROM gw_inbound WHERE external_id = '{sid}' AND outcome = '{PurchaseIntake.Shed}' AND answered_at IS NOT NULL"));
    }

    [Fact]
    public async Task Buy_HandedOnBefore_IsNeverShed()
    {
        await using var gateway = await AtTheLimitAsync();
        var phone = DemoData.Customers[1].Phone;
        await gateway.FundAsync(phone, 500m);
        var sid = gateway.NewMessageSid();
        var log = gateway.Services.GetRequiredService<MessageLog>();
        var stored = (await log.StoreAsync(Channels.Sms, sid, phone, $"BUY {await MeterOfAsync(gateway, 1)} 200"))!;
        await log.ParsedAsync(stored.Id, "BUY", null); // handled before: it may have reached Vending

        await gateway.Services.GetRequiredService<IBus>().Publish(new InboundReceived(stored.Id));

        Assert.StartsWith("Token ", (await gateway.ReplyToAsync(phone, sid)).Body);
    }

    /// <summary>The embedded Gateway with <see cref="Limit"/> purchases open (stored, handed on, no outcome) after its start-up re-drive.</summary>
    private async Task<EmbeddedGateway> AtTheLimitAsync()
    {
        var gateway = new EmbeddedGateway(Data, new Dictionary<string, string?> { ["Gateway:MaxOpenPurchases"] = $"{Limit}" });
        await gateway.DemoCustomerAsync(2);
        await gateway.RedrivenAsync();
        var log = gateway.Services.GetRequiredService<MessageLog>();
        for (var i = 0; i < Limit; i++)
        {
            var open = (await log.StoreAsync(Channels.Sms, gateway.NewMessageSid(), "+254799000001", "BUY 04000000001 100"))!;
            await log.ParsedAsync(open.Id, "BUY", "04000000001");
        }

        return gateway;
    }

    private static async Task<string> MeterOfAsync(EmbeddedGateway gateway, int customer) =>
        (await gateway.TimelineAsync(DemoData.Customers[customer].Phone)).Meters[0].MeterNumber;
}
