using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Payments;

namespace SmsVending.Vending.Messaging;

/// <summary>Answers <see cref="CheckMeterAccount"/> (mobile-money C2B validation) with <see cref="MeterAccountChecked"/>.</summary>
internal sealed class CheckMeterAccountConsumer(PaymentValidation validation) : IConsumer<CheckMeterAccount>
{
    public async Task Consume(ConsumeContext<CheckMeterAccount> context) =>
        await context.RespondAsync(await validation.CheckAsync(context.Message, context.CancellationToken));
}
