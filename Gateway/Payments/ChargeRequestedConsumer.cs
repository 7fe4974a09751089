using MassTransit;
using SmsVending.Contracts.Vending;

namespace SmsVending.Gateway.Payments;

/// <summary>Vending asks to charge a phone: push it; a push Daraja refuses settles the purchase as failed at once.</summary>
internal sealed class ChargeRequestedConsumer(StkPush push) : IConsumer<MobileMoneyChargeRequested>
{
    public async Task Consume(ConsumeContext<MobileMoneyChargeRequested> context)
    {
        if (await push.ChargeAsync(context.Message, context.CancellationToken) is { } refused)
        {
            await context.Publish(refused, context.CancellationToken);
        }
    }
}
