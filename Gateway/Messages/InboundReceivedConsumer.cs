using MassTransit;

namespace SmsVending.Gateway.Messages;

/// <summary>Hands a stored inbound message to its channel's handler, unless it already has its outcome.</summary>
internal sealed class InboundReceivedConsumer(MessageLog log, IServiceProvider services) : IConsumer<InboundReceived>
{
    public async Task Consume(ConsumeContext<InboundReceived> context)
    {
        if (await log.FindAsync(context.Message.InboundId, context.CancellationToken) is not { AnsweredAt: null } message)
        {
            return;
        }

        var handler = services.GetRequiredKeyedService<IInboundHandler>(message.Channel);
        await handler.HandleAsync(message, context.CancellationToken);
    }
}
