using Dapper;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Ir;

/// <summary>The sessions' rows. Each step claims its column only while it is empty, so two deliveries of the same frame or outcome
/// never write twice: the first request and the first confirmation stay.</summary>
internal sealed class IrSessionStore(KeyAuthorityDatabase database)
{
    public async Task AddAsync(IrSessionRow row, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO ka_ir_sessions (session_id, meter_number, transcript, sealed_keys, expires_at, created_at)
            VALUES (@SessionId, @MeterNumber, @Transcript, @SealedKeys, @ExpiresAt, @CreatedAt)
            """;
        await ExecuteAsync(Sql, row, cancellationToken);
    }

    public async Task<IrSessionRow?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        const string Sql = $"SELECT {IrSessionRow.Columns} FROM ka_ir_sessions WHERE session_id = @sessionId";
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IrSessionRow>(new CommandDefinition(Sql, new { sessionId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records the session's one request; false when another delivery recorded one first.</summary>
    public async Task<bool> ClaimRequestAsync(string sessionId, byte[] requestTranscript, byte[] sealedRequest, long at, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            UPDATE ka_ir_sessions SET request_transcript = @requestTranscript, sealed_request = @sealedRequest, requested_at = @at, published_at = @at
            WHERE session_id = @sessionId AND request_transcript IS NULL
            """, new { sessionId, requestTranscript, sealedRequest, at }, cancellationToken) == 1;

    /// <summary>Notes that the purchase was published again; false when another delivery did so since <paramref name="before"/>.</summary>
    public async Task<bool> RepublishAsync(string sessionId, long before, long at, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            UPDATE ka_ir_sessions SET published_at = @at WHERE session_id = @sessionId AND confirmation IS NULL AND published_at <= @before
            """, new { sessionId, before, at }, cancellationToken) == 1;

    /// <summary>Stores the session's one confirmation and erases its process key.</summary>
    public Task ConfirmAsync(string sessionId, byte[] confirmation, string outcome, string? purchaseId, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE ka_ir_sessions SET confirmation = @confirmation, outcome = @outcome, purchase_id = @purchaseId, sealed_keys = NULL
            WHERE session_id = @sessionId AND confirmation IS NULL
            """, new { sessionId, confirmation, outcome, purchaseId }, cancellationToken);

    /// <summary>Erases the process key of a session that expired before its request: it can never be used.</summary>
    public Task ForgetKeysAsync(string sessionId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ka_ir_sessions SET sealed_keys = NULL WHERE session_id = @sessionId AND request_transcript IS NULL", new { sessionId }, cancellationToken);

    /// <summary>Erases the process keys of sessions that expired without a request (<paramref name="now"/>), and deletes those that
    /// expired before <paramref name="forgetBefore"/>. Sessions that carried a request stay: they are a purchase's record, and resend
    /// its confirmation.</summary>
    public async Task<(int KeysErased, int Deleted)> SweepAsync(long now, long forgetBefore, CancellationToken cancellationToken)
    {
        var erased = await ExecuteAsync("""
            UPDATE ka_ir_sessions SET sealed_keys = NULL WHERE request_transcript IS NULL AND expires_at <= @now AND sealed_keys IS NOT NULL
            """, new { now }, cancellationToken);
        var deleted = await ExecuteAsync("DELETE FROM ka_ir_sessions WHERE request_transcript IS NULL AND expires_at <= @forgetBefore",
            new { forgetBefore }, cancellationToken);
        return (erased, deleted);
    }

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
