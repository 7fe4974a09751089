namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>An SMS as it reached a phone: the network's SID, sender, recipient (the phone), text and when it arrived.</summary>
public sealed record InboxMessage(string Sid, string From, string To, string Body, DateTimeOffset ReceivedAt)
{
    /// <summary>When the network accepted the message from its sender (Twilio's date_created); null for TwiML replies.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }
}
