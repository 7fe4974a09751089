using Microsoft.Extensions.DependencyInjection;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Messages;

/// <summary>A message stored but never handled (the process died in between) is handled on the next start.</summary>
public sealed class InboundRedriveTests : GatewayTest
{
    [Fact]
    public async Task Start_AfterACrashBetweenStoreAndHandOff_HandlesTheStoredMessage()
    {
        var phone = DemoData.Customers[2].Phone;
        string sid;
        await using (var before = new EmbeddedGateway(Data))
        {
            await before.DemoCustomerAsync(2);
            await before.RedrivenAsync();
            sid = before.NewMessageSid();
            Assert.NotNull(await before.Services.GetRequiredService<MessageLog>().StoreAsync(Channels.Sms, sid, phone, "BAL"));
        }

        await using var after = new EmbeddedGateway(Data);

        Assert.StartsWith("Your balance is KES0.00", (await after.ReplyToAsync(phone, sid)).Body);
        // The reply is queued a moment before the message is marked answered.
        await EmbeddedGateway.EventuallyAsync(async () => await after.UnansweredAsync() == 0, "the message marked answered");
    }
}
