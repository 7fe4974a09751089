using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using SmsVending.Gateway.Storage;

namespace SmsVending.Gateway.Ussd;

/// <summary>USSD sessions in the Gateway's database, so whichever Gateway instance the aggregator reaches continues the session.</summary>
internal sealed class UssdSessions(GatewayDatabase database)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The session, or null when it was never started here (or was swept away).</summary>
    public async Task<UssdSession?> FindAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT session_id, phone, state, started_at, expires_at FROM gw_ussd_sessions WHERE session_id = @sessionId";
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string SessionId, string Phone, string State, long StartedAt, long ExpiresAt)>(
            new CommandDefinition(Sql, new { sessionId }, cancellationToken: cancellationToken));
        return row.SessionId is null ? null : new UssdSession(row.SessionId, row.Phone, JsonSerializer.Deserialize<UssdState>(row.State, Json)!,
            DateTimeOffset.FromUnixTimeMilliseconds(row.StartedAt), DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt));
    }

    /// <summary>Writes the session as it now is (the last request wins: an aggregator sends one request at a time per session).</summary>
    public async Task SaveAsync(UssdSession session, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            INSERT INTO gw_ussd_sessions (session_id, phone, state, started_at, updated_at, expires_at)
            VALUES (@SessionId, @Phone, @State, @StartedAt, @Now, @ExpiresAt)
            ON CONFLICT (session_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, expires_at = excluded.expires_at
            """;
        await database.WriteAsync(async connection =>
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, new
            {
                session.SessionId, session.Phone, State = JsonSerializer.Serialize(session.State, Json), StartedAt = session.StartedAt.ToUnixTimeMilliseconds(),
                Now = now.ToUnixTimeMilliseconds(), ExpiresAt = session.ExpiresAt.ToUnixTimeMilliseconds(),
            }, cancellationToken: cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Deletes sessions that expired before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        return await database.WriteAsync(async connection =>
        {
            return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM gw_ussd_sessions WHERE expires_at < @before",
                new { before = before.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        }, cancellationToken);
    }
}

/// <summary>One USSD session: whose it is, where it is in the menu, and when it ends.</summary>
internal sealed record UssdSession(string SessionId, string Phone, UssdState State, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt);
