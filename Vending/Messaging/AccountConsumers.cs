using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;

namespace SmsVending.Vending.Messaging;

/// <summary>Answers <see cref="ChangePin"/> (SMS PIN) with <see cref="PinChanged"/> or <see cref="PinChangeRefused"/>.</summary>
internal sealed class ChangePinConsumer(PinChangeService pins) : IConsumer<ChangePin>
{
    public async Task Consume(ConsumeContext<ChangePin> context) =>
        await (await pins.ChangeAsync(context.Message, context.CancellationToken)).RespondAsync(context);
}
