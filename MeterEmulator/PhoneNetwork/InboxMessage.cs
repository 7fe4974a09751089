namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>An SMS as it reached a phone: the network's SID, sender, recipient (the phone), text and when it arrived.</summary>
public sealed record InboxMessage(string Sid, string From, string To, string Body, DateTimeOffset ReceivedAt);
