using MassTransit;

namespace SmsVending.Gateway.Messages;

/// <summary>Publishes a stored message for handling; when the bus is down the message is safe and the re-drive sends it later.</summary>
internal static class InboundHandOff
{
    public static async Task PublishAsync(IPublishEndpoint bus, InboundMessage stored, ILogger logger)
    {
        try
        {
            await bus.Publish(new InboundReceived(stored.Id));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Inbound {Channel} message {Id} is stored but could not be handed on; the re-drive will", stored.Channel, stored.Id);
        }
    }
}
