namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>An outbound message as the network holds it while it travels: queued, sent, then delivered or undelivered.</summary>
internal sealed record NetworkMessage(
    string Sid,
    string AccountSid,
    string To,
    string From,
    string Body,
    string? MessagingServiceSid,
    string? StatusCallback,
    DateTimeOffset DateCreated)
{
    public string Status { get; init; } = "queued";

    public DateTimeOffset DateUpdated { get; init; } = DateCreated;

    public DateTimeOffset? DateSent { get; init; }

    public int? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string Uri => $"/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json";
}
