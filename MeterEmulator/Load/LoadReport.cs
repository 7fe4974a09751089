using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmsVending.MeterEmulator.Load;

/// <summary>A load run's result, printed as one JSON object with <c>--json</c>.</summary>
/// <param name="Purchases">Purchase SMS sent.</param>
/// <param name="Replies">Purchases that got an answer SMS.</param>
/// <param name="TokensAccepted">Tokens the emulated meters accepted (a key change adds its key change tokens).</param>
/// <param name="Rejections">Answers without a token, and tokens a meter refused, by reason.</param>
/// <param name="Duplicates">Tokens that reached a phone again after an earlier SMS carried them.</param>
/// <param name="Errors">Webhook failures, answers that never came, double vends.</param>
/// <param name="ThroughputPerSec">Purchases completed with an accepted token set per second of the purchase phase (after the warm-up).</param>
/// <param name="LatencyMs">From the purchase SMS posted to the Gateway to its answer handed to the phone network (after the warm-up).</param>
public sealed record LoadReport(
    int Purchases, int Replies, int TokensAccepted, IReadOnlyDictionary<string, int> Rejections, int Duplicates, int Errors, double ThroughputPerSec,
    LatencyMs LatencyMs)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Customers provisioned.</summary>
    public int Customers { get; init; }

    /// <summary>Purchases whose answer carried a token set that the meter accepted whole.</summary>
    public int TokenSetsAccepted { get; init; }

    /// <summary>Second token sets accepted for one purchase (double vends); also counted in <see cref="Errors"/>.</summary>
    public int ExtraTokenSets { get; init; }

    /// <summary>The errors by reason.</summary>
    public IReadOnlyDictionary<string, int> ErrorReasons { get; init; } = new Dictionary<string, int>();

    /// <summary>Purchase webhooks posted a second time with the same MessageSid.</summary>
    public int DuplicateWebhooks { get; init; }

    /// <summary>Purchases made over the infrared session, and those the meter credited itself from.</summary>
    public InfraredCount Infrared { get; init; } = new(0, 0);

    /// <summary>Garbage SMS sent and answered.</summary>
    public GarbageCount Garbage { get; init; } = new(0, 0);

    /// <summary>SMS that arrived after a phone's answer, with nobody waiting for them.</summary>
    public int ExtraMessages { get; init; }

    /// <summary>"Paid, your token will follow" notices (the KeyAuthority was busy); the SMS after each is the purchase's answer.</summary>
    public int PendingNotices { get; init; }

    /// <summary>The first purchases, outside the measured window (<see cref="LoadSettings.Warmup"/>); 0 measures them all.</summary>
    public int WarmupPurchases { get; init; }

    /// <summary>How long the purchase phase took, after the warm-up.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Whether every purchase ended with exactly one accepted token set.</summary>
    [JsonIgnore]
    public bool EveryPurchaseVendedOnce => TokenSetsAccepted == Purchases && ExtraTokenSets == 0;

    /// <summary>0 when every purchase ended with exactly one accepted token set, else 1.</summary>
    [JsonIgnore]
    public int ExitCode => EveryPurchaseVendedOnce ? 0 : 1;

    /// <summary>The report as one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencyMs(double P50, double P95, double P99, double Max);

/// <summary>Garbage SMS sent, and how many got an answer.</summary>
public sealed record GarbageCount(int Sent, int Answered);

/// <summary>Infrared purchases made, and credited by the meter.</summary>
public sealed record InfraredCount(int Sent, int Credited);
