namespace SmsVending.Gateway.Sms.Outbound;

/// <summary>One SMS we send: queued in the outbox, then a record of its delivery.</summary>
public sealed class OutboundMessage
{
    public long Id { get; set; }
    public string DedupeKey { get; set; } = "";
    public string? Answers { get; set; }
    public string? PurchaseId { get; set; }
    public string? Reference { get; set; }
    public string Phone { get; set; } = "";
    public string? MeterNumber { get; set; }
    public string? Tokens { get; set; }
    public string Body { get; set; } = "";
    public string Status { get; set; } = OutboundStatus.Pending;
    public string? ProviderSid { get; set; }
    public int Attempts { get; set; }
    public long NextAttemptAt { get; set; }
    public string? Error { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}

/// <summary>An SMS's life: pending in the outbox, accepted by the provider, then the provider's delivery report.</summary>
public static class OutboundStatus
{
    /// <summary>Waiting to be handed to the provider (or to be retried).</summary>
    public const string Pending = "pending";

    /// <summary>Accepted by the provider (Twilio "queued"); delivery reports follow.</summary>
    public const string Queued = "queued";

    /// <summary>No provider is configured: written to the message log and the console only.</summary>
    public const string Logged = "logged";

    /// <summary>The provider refused it for good (e.g. an invalid number).</summary>
    public const string Failed = "failed";

    /// <summary>The provider's delivery reports: sending, sent, delivered, undelivered, failed.</summary>
    public static readonly string[] Reports = ["sending", "sent", "delivered", "undelivered", "failed"];
}

/// <summary>A reply to queue: the text and what it is about, for the log and for staff searches.</summary>
/// <param name="DedupeKey">The same outcome queued twice (a redelivered event) sends one SMS.</param>
/// <param name="Answers">The inbound message's provider id (or the idempotency key) it answers.</param>
public sealed record Reply(string DedupeKey, string Phone, string Body, string? Answers = null, Guid? PurchaseId = null, string? MeterNumber = null,
    IReadOnlyList<string>? Tokens = null);
