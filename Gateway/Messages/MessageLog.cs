using System.Data.Common;
using Dapper;
using SmsVending.Gateway.Storage;
using SmsVending.Infrastructure.Storage;

namespace SmsVending.Gateway.Messages;

/// <summary>The inbound half of the message log: raw messages stored first, unique per provider id, then marked with their outcome.</summary>
public sealed class MessageLog(GatewayDatabase database, TimeProvider clock)
{
    private const string Columns = "id, channel, external_id, phone, body, command, meter_number, received_at, answered_at, outcome";

    /// <summary>Stores a message (with the mobile-money receipt a payment callback carries); null when the provider sent this id before (a retry), else the stored row.</summary>
    /// <remarks>A database restart is waited out (the provider waits for our answer).</remarks>
    public Task<InboundMessage?> StoreAsync(string channel, string externalId, string? phone, string body, string? receipt = null,
        CancellationToken cancellationToken = default) =>
        StoreAsync(new IncomingMessage(channel, externalId, phone, body, receipt), cancellationToken);

    /// <summary>Stores a message, with what it reads as when that is known on arrival (so no second write records it); null when the
    /// provider sent this id before.</summary>
    internal async Task<InboundMessage?> StoreAsync(IncomingMessage message, CancellationToken cancellationToken = default)
    {
        var at = clock.GetUtcNow();
        var attempts = 0;
        return await Database.RideOutAsync(async token => await database.WriteCommandAsync(
            connection => InsertAsync(connection, message, at, retried: attempts++ > 0, token), token),
            cancellationToken);
    }

    /// <summary>One attempt at storing a message: the new row, or null when the provider sent this id before.</summary>
    /// <remarks>When <paramref name="retried"/>, an earlier attempt of this caller may have committed although its connection broke
    /// before saying so (a database restart): the row found is then the caller's own and is returned to be handed on, rather than
    /// taken for the provider's repeat and left for the periodic re-drive. Handing a message on twice is harmless: its consumer
    /// skips a message that has its outcome, and purchases are idempotent on the message id.</remarks>
    internal static async Task<InboundMessage?> InsertAsync(DbConnection connection, IncomingMessage message, DateTimeOffset at, bool retried,
        CancellationToken cancellationToken)
    {
        // ON CONFLICT DO NOTHING: a repeat finds its twin and changes nothing, without an error to catch.
        const string Sql = $"""
            INSERT INTO gw_inbound (channel, external_id, phone, body, receipt, command, meter_number, received_at)
            VALUES (@Channel, @ExternalId, @Phone, @Body, @Receipt, @Command, @MeterNumber, @at)
            ON CONFLICT (channel, external_id) DO NOTHING
            RETURNING {Columns}
            """;
        var stored = await connection.QuerySingleOrDefaultAsync<InboundMessage>(new CommandDefinition(Sql,
            new { message.Channel, message.ExternalId, message.Phone, message.Body, message.Receipt, message.Command, message.MeterNumber, at = at.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return stored ?? (retried
            ? await connection.QuerySingleOrDefaultAsync<InboundMessage>(new CommandDefinition(
                $"SELECT {Columns} FROM gw_inbound WHERE channel = @Channel AND external_id = @ExternalId", message, cancellationToken: cancellationToken))
            : null);
    }

    /// <summary>The stored message, or null.</summary>
    public async Task<InboundMessage?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InboundMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM gw_inbound WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Records what the message was read as (command and meter) once parsed.</summary>
    public async Task ParsedAsync(long id, string command, string? meterNumber, CancellationToken cancellationToken = default)
    {
        await database.WriteCommandAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gw_inbound SET command = @command, meter_number = @meterNumber WHERE id = @id", new { id, command, meterNumber },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Marks the message (by its provider id, whatever the channel) as finished so it is not re-driven; returns it the
    /// first time, null when it was finished before or is not ours (e.g. a staff resend's key).</summary>
    public async Task<InboundMessage?> AnsweredAsync(string externalId, string outcome, CancellationToken cancellationToken = default) =>
        await database.WriteCommandAsync(connection => connection.QueryFirstOrDefaultAsync<InboundMessage>(new CommandDefinition(AnsweredSql,
            AnsweredParameters(externalId, outcome, clock.GetUtcNow()), cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Marks a message answered by its provider id: the message the first time, nothing when it was answered before.</summary>
    /// <remarks>"+ 0" keeps the planner off the unanswered-messages index: its statistics see almost no open rows, but under load hundreds
    /// are in flight and every answer scanned them all; the external id finds the one row.</remarks>
    internal const string AnsweredSql = $"""
        UPDATE gw_inbound SET answered_at = @at, outcome = @outcome
        WHERE external_id = @externalId AND (answered_at + 0) IS NULL
        RETURNING {Columns}
        """;

    internal static object AnsweredParameters(string externalId, string outcome, DateTimeOffset at) =>
        new { externalId, outcome, at = at.ToUnixTimeMilliseconds() };

    /// <summary>Purchases (SMS or USSD) received since <paramref name="since"/>, handed on and still without an outcome.</summary>
    public async Task<long> OpenPurchasesAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        // "+": the time range must not pick the index of all messages by time; the unanswered ones are few.
        const string Sql = "SELECT COUNT(*) FROM gw_inbound WHERE answered_at IS NULL AND command = 'BUY' AND +received_at >= @since";
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new { since = since.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    /// <summary>Messages received in the window that have no outcome yet, in arrival order after row <paramref name="afterId"/>:
    /// the ones to re-drive.</summary>
    public async Task<IReadOnlyList<InboundMessage>> UnansweredAsync(DateTimeOffset since, DateTimeOffset until, long afterId, int limit,
        CancellationToken cancellationToken = default)
    {
        // "+" as in OpenPurchasesAsync: the unanswered-messages index pages through them by id.
        const string Sql = $"""
            SELECT {Columns} FROM gw_inbound
            WHERE answered_at IS NULL AND +received_at >= @since AND +received_at < @until AND id > @afterId
            ORDER BY id LIMIT @limit
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<InboundMessage>(new CommandDefinition(Sql,
            new { since = since.ToUnixTimeMilliseconds(), until = until.ToUnixTimeMilliseconds(), afterId, limit }, cancellationToken: cancellationToken))];
    }

    /// <summary>Messages received in the window that failed or are stuck: no outcome yet, a token the KeyAuthority refused, or a
    /// reply the provider could not deliver. A supervisor replays these after an outage.</summary>
    public async Task<IReadOnlyList<InboundMessage>> FailedAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken = default)
    {
        const string Sql = $"""
            SELECT {Columns} FROM gw_inbound i
            WHERE received_at >= @from AND received_at < @to
              AND (answered_at IS NULL OR outcome = 'TokenRefused'
                   OR EXISTS (SELECT 1 FROM gw_outbound o WHERE o.answers = i.external_id AND o.status IN ('failed', 'undelivered')))
            ORDER BY id LIMIT @limit
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<InboundMessage>(new CommandDefinition(Sql,
            new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds(), limit }, cancellationToken: cancellationToken))];
    }
}
