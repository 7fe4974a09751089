using System.ComponentModel.DataAnnotations;
using SmsVending.Infrastructure.Storage;

namespace SmsVending.Gateway;

/// <summary>The Gateway's settings (configuration section "Gateway"), checked at start.</summary>
public sealed class GatewayOptions : DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway";

    /// <summary>The embedded default store.</summary>
    public GatewayOptions() => ConnectionString = "Data Source=data/gateway.db";

    /// <summary>The URL providers call us at (scheme, host and any path prefix), e.g. https://sms.example.com. Webhook
    /// signatures are checked against it, because behind a proxy the URL we see is not the one Twilio signed. Unset: the
    /// URL of the request as received.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Region for phone numbers written without a country code (ISO 3166 alpha-2).</summary>
    [Required]
    public string DefaultRegion { get; set; } = "KE";

    /// <summary>The currency of amounts in SMS and USSD commands.</summary>
    [Required]
    public string Currency { get; set; } = "KES";

    /// <summary>Twilio: inbound signatures and outbound SMS.</summary>
    [Required]
    public TwilioOptions Twilio { get; set; } = new();

    /// <summary>Inbound messages one phone may send per <see cref="RateLimitWindow"/> before it is refused (429).</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerPhone { get; set; } = 10;

    /// <summary>The window of <see cref="RateLimitPerPhone"/>.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The IR relay route's limits.</summary>
    [Required]
    public IrRelayOptions Ir { get; set; } = new();

    /// <summary>Staff and admin API keys by holder name (the name the audit records).</summary>
    public Dictionary<string, Staff.ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Inbound messages older than this are not re-driven any more (a purchase a day late helps nobody).</summary>
    public TimeSpan RedriveWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How soon a hand-off that failed (the bus down) is tried again; it doubles while the bus stays down, up to 30 s.</summary>
    public TimeSpan HandOffRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often stored messages without an outcome are re-driven while running (they always are at start).</summary>
    public TimeSpan RedriveInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Purchases handed on and still without an outcome beyond which a new one is refused at once with "busy, nothing charged,
    /// send it again later": a burst far above capacity is shed with an answer instead of queueing without bound.</summary>
    [Range(1, 10_000_000)]
    public int MaxOpenPurchases { get; set; } = 5000;
}

/// <summary>Twilio settings: the account, the sender, and where its API is (our emulator in tests and load runs).</summary>
public sealed class TwilioOptions
{
    /// <summary>The account (AC…).</summary>
    public string? AccountSid { get; set; }

    /// <summary>The auth token: signs inbound webhooks and authenticates outbound calls.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The sender id or number replies come from (the meter's SIM slot looks for it).</summary>
    [Required]
    public string From { get; set; } = "SMSVEND";

    /// <summary>The API base URL; unset means replies go to the message log and the console only.</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Outbound SMS sent at once.</summary>
    [Range(1, 1024)]
    public int SendConcurrency { get; set; } = 32;
}

/// <summary>Limits of POST /ir/frames, per <see cref="GatewayOptions.RateLimitWindow"/>.</summary>
public sealed class IrRelayOptions
{
    /// <summary>IR sessions one meter may open (frame 1) per window.</summary>
    [Range(1, 1_000_000)]
    public int SessionsPerMeter { get; set; } = 10;

    /// <summary>Frames one session may relay per window (the request and the phone's polls for its confirmation).</summary>
    [Range(1, 1_000_000)]
    public int FramesPerSession { get; set; } = 240;
}
