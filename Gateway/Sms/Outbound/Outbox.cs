using System.Data.Common;
using Dapper;
using SmsVending.Gateway.Messages;
using SmsVending.Infrastructure.Storage;
using SmsVending.Gateway.Sms;
using SmsVending.Gateway.Storage;

namespace SmsVending.Gateway.Sms.Outbound;

/// <summary>Outbound SMS stored before they are sent, so a provider outage delays replies but loses none.</summary>
public sealed class Outbox(GatewayDatabase database, TimeProvider clock)
{
    private const string Columns = """
        id, dedupe_key, answers, purchase_id, reference, phone, meter_number, tokens, body, status, provider_sid, attempts, next_attempt_at, error,
        created_at, updated_at
        """;

    private readonly SemaphoreSlim queued = new(0, int.MaxValue);

    /// <summary>Queues a reply; false when the same reply was queued before.</summary>
    public async Task<bool> QueueAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        var added = await database.WriteCommandAsync(connection => InsertAsync(connection, reply, clock.GetUtcNow(), cancellationToken), cancellationToken);
        Queued(added);
        return added;
    }

    /// <summary>Queues a reply and marks the message it answers (<see cref="Reply.Answers"/>) with <paramref name="outcome"/>, in one
    /// write; returns the message the first time it is marked (as <see cref="MessageLog.AnsweredAsync(string, string, CancellationToken)"/>).</summary>
    public async Task<InboundMessage?> AnswerAsync(Reply reply, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply.Answers);
        var now = clock.GetUtcNow();
        var parameters = new DynamicParameters(InsertParameters(reply, now));
        parameters.AddDynamicParams(MessageLog.AnsweredParameters(reply.Answers, outcome, now));
        // One command: a round trip on PostgreSQL, and all or nothing on either database.
        var (added, answered) = await database.WriteCommandAsync(async connection =>
        {
            using var results = await connection.QueryMultipleAsync(new CommandDefinition(InsertSql + ";\n" + MessageLog.AnsweredSql, parameters,
                cancellationToken: cancellationToken));
            return ((await results.ReadAsync<int>()).Any(), await results.ReadFirstOrDefaultAsync<InboundMessage>());
        }, cancellationToken);
        Queued(added);
        return answered;
    }

    /// <summary>Queues a reply unless one with its dedupe key was queued before: a row (1) when it is new, none when not.</summary>
    private const string InsertSql = """
        INSERT INTO gw_outbound (dedupe_key, answers, purchase_id, reference, phone, meter_number, tokens, body, status, attempts, next_attempt_at,
                                 created_at, updated_at)
        VALUES (@DedupeKey, @Answers, @PurchaseId, @Reference, @Phone, @MeterNumber, @Tokens, @Body, 'pending', 0, @now, @now, @now)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING 1
        """;

    private static object InsertParameters(Reply reply, DateTimeOffset at) => new
    {
        reply.DedupeKey, reply.Answers, PurchaseId = reply.PurchaseId?.ToString("N"),
        Reference = reply.PurchaseId is { } id ? SmsReplies.Reference(id) : null, reply.Phone, reply.MeterNumber,
        Tokens = reply.Tokens is { Count: > 0 } tokens ? string.Join(' ', tokens) : null, reply.Body, now = at.ToUnixTimeMilliseconds(),
    };

    private static async Task<bool> InsertAsync(DbConnection connection, Reply reply, DateTimeOffset at, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int?>(new CommandDefinition(InsertSql, InsertParameters(reply, at), cancellationToken: cancellationToken)) is not null;

    private void Queued(bool added)
    {
        if (added)
        {
            queued.Release(); // once committed, so that the sender finds the row
        }
    }

    /// <summary>Waits until something is queued in this process or the timeout passes (other processes' rows are found by polling).</summary>
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await queued.WaitAsync(timeout, cancellationToken))
        {
            while (queued.CurrentCount > 0 && queued.Wait(0))
            {
                // One wake-up serves every row queued meanwhile.
            }
        }
    }

    /// <summary>Takes up to <paramref name="limit"/> due messages for a while; a crashed sender's lease runs out and another takes them.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        string sql = $"""
            UPDATE gw_outbound SET lease_until = @until, attempts = attempts + 1
            WHERE id IN (SELECT id FROM gw_outbound
                         WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
                         ORDER BY next_attempt_at LIMIT @limit {database.SkipLocked})
            RETURNING {Columns}
            """;
        return await database.WriteAsync<IReadOnlyList<OutboundMessage>>(async connection => [.. await connection.QueryAsync<OutboundMessage>(
            new CommandDefinition(sql, new { now = now.ToUnixTimeMilliseconds(), until = (now + lease).ToUnixTimeMilliseconds(), limit },
                cancellationToken: cancellationToken))], cancellationToken);
    }

    /// <summary>The provider took it (or there is none and it was logged).</summary>
    public Task AcceptedAsync(long id, string status, string? providerSid, CancellationToken cancellationToken = default) =>
        // A delivery report may have come first: it wins.
        UpdateAsync("status = CASE WHEN status = 'pending' THEN @status ELSE status END, provider_sid = COALESCE(provider_sid, @providerSid), error = NULL",
            new { id, status, providerSid }, cancellationToken);

    /// <summary>Sending failed for now: try again at <paramref name="retryAt"/>.</summary>
    public Task RetryAsync(long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken = default) =>
        UpdateAsync("next_attempt_at = @retryAt, error = @error", new { id, retryAt = retryAt.ToUnixTimeMilliseconds(), error }, cancellationToken);

    /// <summary>The provider refused it for good.</summary>
    public Task FailedAsync(long id, string error, CancellationToken cancellationToken = default) =>
        UpdateAsync("status = 'failed', error = @error", new { id, error }, cancellationToken);

    /// <summary>Records a delivery report for our message <paramref name="id"/> (named in the callback URL, since a report can beat
    /// the provider's answer here) or else for the provider's id; returns what the report needs of the message, or null when it is
    /// unknown.</summary>
    public async Task<ReportedMessage?> ReportAsync(long? id, string providerSid, string status, string? errorCode, CancellationToken cancellationToken = default)
    {
        // A report never moves a delivered message back (reports can arrive out of order, and twice).
        string sql = $"""
            UPDATE gw_outbound SET status = CASE WHEN status = 'delivered' THEN status ELSE @status END, provider_sid = @providerSid, error = COALESCE(@error, error), lease_until = NULL, updated_at = @now
            WHERE {(id is null ? "provider_sid = @providerSid" : "id = @id")}
            RETURNING id, purchase_id
            """;
        var parameters = new
        {
            id, providerSid, status, error = string.IsNullOrEmpty(errorCode) ? null : $"provider error {errorCode}", now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        // The provider waits for our answer: a database restart is waited out rather than losing the report.
        return await Database.RideOutAsync(async token => await database.WriteCommandAsync(async connection =>
        {
            return await connection.QuerySingleOrDefaultAsync<ReportedMessage>(new CommandDefinition(sql, parameters, cancellationToken: token));
        }, token), cancellationToken);
    }

    /// <summary>The earliest time a pending message is due, or null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var due = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MIN(next_attempt_at) FROM gw_outbound WHERE status = 'pending'", cancellationToken: cancellationToken));
        return due is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private async Task UpdateAsync(string set, object parameters, CancellationToken cancellationToken)
    {
        var values = new DynamicParameters(parameters);
        values.Add("now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await database.WriteCommandAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE gw_outbound SET {set}, lease_until = NULL, updated_at = @now WHERE id = @id", values, cancellationToken: cancellationToken)),
            cancellationToken);
    }
}
