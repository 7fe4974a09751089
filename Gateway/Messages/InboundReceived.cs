namespace SmsVending.Gateway.Messages;

/// <summary>A stored inbound message is ready to handle (sent once on arrival, again by the re-drive while it has no outcome).</summary>
/// <param name="InboundId">The row in the message log.</param>
public sealed record InboundReceived(long InboundId);
