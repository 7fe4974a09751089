using MassTransit;

namespace SmsVending.Gateway.Messages;

/// <summary>Publishes a stored message for handling; when the bus is down the message is safe and the re-drive sends it later.</summary>
internal static class InboundHandOff
{
    /// <summary>How long the webhook waits for the bus: Twilio gives up on a webhook after 15 s, and a publish after a broker
    /// restart can wait forever (see Infrastructure/Messaging/DeliveryDeadline.cs).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static async Task PublishAsync(IPublishEndpoint bus, InboundMessage stored, ILogger logger)
    {
        try
        {
            await bus.Publish(new InboundReceived(stored.Id)).WaitAsync(Limit);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Inbound {Channel} message {Id} is stored but could not be handed on; the re-drive will", stored.Channel, stored.Id);
        }
    }
}
