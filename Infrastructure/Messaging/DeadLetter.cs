namespace SmsVending.Infrastructure.Messaging;

/// <summary>A message in the dead-letter queue: what it is, where it failed and why.</summary>
/// <param name="MessageId">The message's id (MassTransit's, else the broker's message-id property).</param>
/// <param name="MessageType">The contract, e.g. SmsVending.Contracts.Vending:PurchaseRequested.</param>
/// <param name="Queue">The queue it came from, where a re-drive puts it back.</param>
/// <param name="Reason">fault (its consumer failed after its retries), skip (no consumer took it), or the broker's reason (delivery-limit: its consumer's process died on it again and again).</param>
/// <param name="Error">The exception's type and message, when a consumer failed.</param>
/// <param name="FailedAt">When it was dead-lettered, when known.</param>
public sealed record DeadLetter(string MessageId, string? MessageType, string? Queue, string Reason, string? Error, DateTimeOffset? FailedAt);
