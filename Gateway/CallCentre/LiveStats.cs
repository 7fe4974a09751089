using Dapper;
using SmsVending.Gateway.Storage;

namespace SmsVending.Gateway.CallCentre;

/// <summary>The console's live view, counted from the Gateway's own message log and outbox: messages in and out per minute,
/// purchases by outcome, and failures by reason.</summary>
public sealed class LiveStats(GatewayDatabase database, TimeProvider clock)
{
    private const long MinuteMs = 60_000;

    /// <summary>The last <paramref name="minutes"/> minutes, the current one included, oldest minute first.</summary>
    public async Task<LiveSnapshot> TakeAsync(int minutes, CancellationToken cancellationToken = default)
    {
        var current = clock.GetUtcNow().ToUnixTimeMilliseconds() / MinuteMs;
        var first = current - minutes + 1;
        var from = first * MinuteMs;
        await using var connection = await database.OpenAsync(cancellationToken);
        var inbound = await CountsAsync<long>("SELECT received_at / 60000, COUNT(*) FROM gw_inbound WHERE received_at >= @from GROUP BY received_at / 60000");
        var outbound = await CountsAsync<long>("SELECT created_at / 60000, COUNT(*) FROM gw_outbound WHERE created_at >= @from GROUP BY created_at / 60000");
        // A purchase's inbound message is marked with its outcome: "issued" or the refusal's reason; none yet means pending.
        var purchases = await CountsAsync<string>("""
            SELECT COALESCE(outcome, 'pending'), COUNT(*) FROM gw_inbound WHERE received_at >= @from AND command = 'BUY' GROUP BY COALESCE(outcome, 'pending')
            """);
        var undelivered = await CountsAsync<string>("""
            SELECT 'SMS ' || status, COUNT(*) FROM gw_outbound WHERE created_at >= @from AND status IN ('failed', 'undelivered') GROUP BY status
            """);

        var perMinute = Enumerable.Range(0, minutes).Select(i => first + i)
            .Select(m => new LiveMinute(DateTimeOffset.FromUnixTimeMilliseconds(m * MinuteMs), inbound.GetValueOrDefault(m), outbound.GetValueOrDefault(m)));
        var refusals = purchases.Where(p => p.Key is not ("issued" or "pending"));
        return new LiveSnapshot(DateTimeOffset.FromUnixTimeMilliseconds(from), [.. perMinute], Sorted(purchases), Sorted(refusals.Concat(undelivered)));

        async Task<Dictionary<T, long>> CountsAsync<T>(string sql) where T : notnull =>
            (await connection.QueryAsync<(T Key, long Count)>(new CommandDefinition(sql, new { from }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Key, r => r.Count);
    }

    private static IReadOnlyList<LiveCount> Sorted(IEnumerable<KeyValuePair<string, long>> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new LiveCount(c.Key, c.Value))];
}

/// <summary>What the live view shows, from <see cref="From"/> until now.</summary>
public sealed record LiveSnapshot(DateTimeOffset From, IReadOnlyList<LiveMinute> Minutes, IReadOnlyList<LiveCount> Purchases, IReadOnlyList<LiveCount> Failures);

/// <summary>One minute: messages received and SMS queued.</summary>
public sealed record LiveMinute(DateTimeOffset At, long In, long Out);

/// <summary>How many of one kind (an outcome or a failure's reason), largest first.</summary>
public sealed record LiveCount(string Name, long Count);
