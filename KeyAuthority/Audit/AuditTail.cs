using System.Data.Common;
using Dapper;

namespace SmsVending.KeyAuthority.Audit;

/// <summary>The end of the audit chain, held for one issuing transaction: locked first, extended in memory, saved once.</summary>
/// <remarks>Every issuer locks the head before anything else, so issuers on several instances take turns and never deadlock.</remarks>
internal sealed class AuditTail
{
    private const string Insert = """
        INSERT INTO ka_audit (seq, at, meter_number, request_id, requester, token_class, token_subclass, tid, amount, prev_hash, hash)
        VALUES (@Seq, @At, @MeterNumber, @RequestId, @Requester, @TokenClass, @TokenSubclass, @Tid, @Amount, @PrevHash, @Hash)
        """;

    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private (long Seq, string Hash) head;

    private AuditTail(DbConnection connection, DbTransaction transaction, (long, string) head) =>
        (this.connection, this.transaction, this.head) = (connection, transaction, head);

    public static async Task<AuditTail> LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleAsync<(long, string)>(new CommandDefinition(
            "UPDATE ka_audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash", transaction: transaction, cancellationToken: cancellationToken));
        return new AuditTail(connection, transaction, head);
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var seq = head.Seq + 1;
        var hash = entry.HashAfter(seq, head.Hash);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            Seq = seq, entry.At, entry.MeterNumber, entry.RequestId, entry.Requester, entry.TokenClass, entry.TokenSubclass, entry.Tid,
            entry.Amount, PrevHash = head.Hash, Hash = hash,
        }, transaction, cancellationToken: cancellationToken));
        head = (seq, hash);
    }

    public Task SaveAsync(CancellationToken cancellationToken) => connection.ExecuteAsync(new CommandDefinition(
        "UPDATE ka_audit_head SET seq = @Seq, hash = @Hash WHERE id = 1", new { head.Seq, head.Hash }, transaction, cancellationToken: cancellationToken));
}
