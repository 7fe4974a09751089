using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HdrHistogram;

namespace SmsVending.MeterEmulator.Load;

/// <summary>What a run has seen so far, counted from many phone workers at once; <see cref="Report"/> freezes it. Latency and
/// throughput count only the purchases after the warm-up; every other count covers them all.</summary>
internal sealed partial class LoadTally
{
    private const long MaxLatencyMicroseconds = 10L * 60 * 1_000_000;

    private readonly LongConcurrentHistogram latency = new(1, MaxLatencyMicroseconds, 3);
    private readonly ConcurrentDictionary<string, int> rejections = new(), errors = new();
    private int purchases, replies, tokensAccepted, tokenSetsAccepted, measuredTokenSets, duplicates, duplicateWebhooks, garbageSent, garbageAnswered, extraMessages, pendingNotices, extraTokenSets, infraredSent, infraredCredited;

    public void PurchaseSent() => Interlocked.Increment(ref purchases);

    public void DuplicateWebhookSent() => Interlocked.Increment(ref duplicateWebhooks);

    public void InfraredSent() => Interlocked.Increment(ref infraredSent);

    public void InfraredCredited() => Interlocked.Increment(ref infraredCredited);

    public void GarbageSent() => Interlocked.Increment(ref garbageSent);

    public void GarbageAnswered() => Interlocked.Increment(ref garbageAnswered);

    /// <summary>An infrared purchase got the host's confirmation (not an SMS, so not in the SMS latency).</summary>
    public void Confirmed() => Interlocked.Increment(ref replies);

    /// <summary>A purchase's answer arrived after <paramref name="latency"/> (SMS into the Gateway → SMS out of it).</summary>
    public void Replied(TimeSpan latency, bool afterWarmup = true)
    {
        Interlocked.Increment(ref replies);
        if (afterWarmup)
        {
            this.latency.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 1, MaxLatencyMicroseconds));
        }
    }

    public void TokenAccepted() => Interlocked.Increment(ref tokensAccepted);

    public void TokenSetAccepted(bool afterWarmup = true)
    {
        Interlocked.Increment(ref tokenSetsAccepted);
        if (afterWarmup)
        {
            Interlocked.Increment(ref measuredTokenSets);
        }
    }

    /// <summary>A token that an earlier SMS carried already.</summary>
    public void Duplicate() => Interlocked.Increment(ref duplicates);

    /// <summary>A "paid, your token will follow" notice before the purchase's answer.</summary>
    public void PendingNotice() => Interlocked.Increment(ref pendingNotices);

    /// <summary>A message nobody was waiting for (it came after the phone's answer).</summary>
    public void ExtraMessage() => Interlocked.Increment(ref extraMessages);

    /// <summary>A second token set a meter accepted for one purchase: a double vend.</summary>
    public void ExtraTokenSet()
    {
        Interlocked.Increment(ref extraTokenSets);
        Error("a second token set was accepted by a meter");
    }

    /// <summary>The Gateway answered the purchase without a token (the reason is the answer with its numbers masked), or the
    /// meter refused a token.</summary>
    public void Rejected(string reason) => rejections.AddOrUpdate(Reason(reason), 1, (_, n) => n + 1);

    /// <summary>Something went wrong on the way (the reasons are the driver's own words, kept as they are).</summary>
    public void Error(string reason) => errors.AddOrUpdate(reason, 1, (_, n) => n + 1);

    /// <summary>The report; <paramref name="elapsed"/> is the measured window, from the first purchase after the
    /// <paramref name="warmup"/> to the last answer.</summary>
    public LoadReport Report(int customers, TimeSpan elapsed, int warmup = 0)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 2);
        var latencyMs = latency.TotalCount == 0
            ? new LatencyMs(0, 0, 0, 0)
            : new LatencyMs(Ms(latency.GetValueAtPercentile(50)), Ms(latency.GetValueAtPercentile(95)), Ms(latency.GetValueAtPercentile(99)), Ms(latency.GetMaxValue()));
        return new LoadReport(purchases, replies, tokensAccepted, Sorted(rejections), duplicates, errors.Values.Sum(), Math.Round(measuredTokenSets / seconds, 1), latencyMs)
        {
            Customers = customers, TokenSetsAccepted = tokenSetsAccepted, ExtraTokenSets = extraTokenSets, ErrorReasons = Sorted(errors),
            DuplicateWebhooks = duplicateWebhooks, Infrared = new InfraredCount(infraredSent, infraredCredited), Garbage = new GarbageCount(garbageSent, garbageAnswered), ExtraMessages = extraMessages,
            PendingNotices = pendingNotices, WarmupPurchases = warmup,
            DurationSeconds = Math.Round(elapsed.TotalSeconds, 3),
        };
    }

    private static SortedDictionary<string, int> Sorted(ConcurrentDictionary<string, int> counts) => new(counts, StringComparer.Ordinal);

    /// <summary>Numbers (amounts, meters, references, times) masked, so that the same reason counts once.</summary>
    private static string Reason(string text)
    {
        var masked = Numbers().Replace(text.ReplaceLineEndings(" "), "#");
        return masked.Length <= 80 ? masked : masked[..80];
    }

    [GeneratedRegex(@"[0-9A-F]{6}\b|\d+(?:[.:]\d+)*")]
    private static partial Regex Numbers();
}
