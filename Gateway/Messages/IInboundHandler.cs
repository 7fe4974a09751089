namespace SmsVending.Gateway.Messages;

/// <summary>Handles one channel's stored inbound messages (registered keyed by channel). Must be idempotent: a message is
/// handled again after a crash or a re-drive, and the same provider id must lead to the same single outcome.</summary>
public interface IInboundHandler
{
    /// <summary>Acts on the message: publishes the purchase or payment it carries, or answers it.</summary>
    Task HandleAsync(InboundMessage message, CancellationToken cancellationToken);
}
