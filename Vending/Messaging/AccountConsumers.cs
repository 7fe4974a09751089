using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Payments;

namespace SmsVending.Vending.Messaging;

/// <summary>Answers <see cref="LinkMeter"/> (SMS REG) with <see cref="MeterLinked"/> or <see cref="MeterLinkRefused"/>.</summary>
internal sealed class LinkMeterConsumer(MeterLinkService links) : IConsumer<LinkMeter>
{
    public async Task Consume(ConsumeContext<LinkMeter> context) =>
        await (await links.LinkAsync(context.Message, context.CancellationToken)).RespondAsync(context);
}

/// <summary>Answers <see cref="ChangePin"/> (SMS PIN) with <see cref="PinChanged"/> or <see cref="PinChangeRefused"/>.</summary>
internal sealed class ChangePinConsumer(PinChangeService pins) : IConsumer<ChangePin>
{
    public async Task Consume(ConsumeContext<ChangePin> context) =>
        await (await pins.ChangeAsync(context.Message, context.CancellationToken)).RespondAsync(context);
}

/// <summary>Answers <see cref="CheckMeterAccount"/> (mobile-money C2B validation) with <see cref="MeterAccountChecked"/>.</summary>
internal sealed class CheckMeterAccountConsumer(PaymentValidation validation) : IConsumer<CheckMeterAccount>
{
    public async Task Consume(ConsumeContext<CheckMeterAccount> context) =>
        await context.RespondAsync(await validation.CheckAsync(context.Message, context.CancellationToken));
}
