using System.Data;
using System.Data.Common;
using Dapper;
using SmsVending.KeyAuthority.Issuance;

namespace SmsVending.KeyAuthority.Audit;

/// <summary>The end of the audit chain, held for one issuing transaction: locked first, extended in memory, saved once.</summary>
/// <remarks>Every issuer locks the head before anything else, so issuers on several instances take turns and never deadlock.</remarks>
internal sealed class AuditTail
{
    /// <summary>The entry's insert, for <see cref="IssuanceStatements"/> to prepare; its parameters in <see cref="InsertParameters"/>' order.</summary>
    internal const string Insert = """
        INSERT INTO ka_audit (seq, at, meter_number, request_id, requester, token_class, token_subclass, tid, amount, prev_hash, hash)
        VALUES (@Seq, @At, @MeterNumber, @RequestId, @Requester, @TokenClass, @TokenSubclass, @Tid, @Amount, @PrevHash, @Hash)
        """;

    internal static readonly (string Name, DbType Type)[] InsertParameters =
    [
        ("Seq", DbType.Int64), ("At", DbType.Int64), ("MeterNumber", DbType.String), ("RequestId", DbType.String), ("Requester", DbType.String),
        ("TokenClass", DbType.Int32), ("TokenSubclass", DbType.Int32), ("Tid", DbType.Int32), ("Amount", DbType.String), ("PrevHash", DbType.String),
        ("Hash", DbType.String),
    ];

    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly DbCommand insert;
    private (long Seq, string Hash) head;

    private AuditTail(DbConnection connection, DbTransaction transaction, DbCommand insert, (long, string) head) =>
        (this.connection, this.transaction, this.insert, this.head) = (connection, transaction, insert, head);

    /// <summary>Locks the head in <paramref name="transaction"/>; entries are appended with <paramref name="insert"/>, a prepared
    /// <see cref="Insert"/> enlisted in it (one parse for all the tokens, where a fresh command per token parsed each time).</summary>
    public static async Task<AuditTail> LockAsync(DbConnection connection, DbTransaction transaction, DbCommand insert, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleAsync<(long, string)>(new CommandDefinition(
            "UPDATE ka_audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash", transaction: transaction, cancellationToken: cancellationToken));
        return new AuditTail(connection, transaction, insert, head);
    }

    /// <summary>Appends an entry with the prepared insert.</summary>
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) => IssuanceStatements.Run(insert, cancellationToken, Values(entry, Link(entry)));

    /// <summary>Chains an entry on in memory, for a command that inserts it (<see cref="Insert"/>'s statement among others): its position,
    /// the previous entry's hash and its own. The insert must run in this tail's transaction, which a failure undoes as a whole.</summary>
    public (long Seq, string PrevHash, string Hash) Link(AuditEntry entry)
    {
        var seq = head.Seq + 1;
        var link = (seq, head.Hash, entry.HashAfter(seq, head.Hash));
        head = (seq, link.Item3);
        return link;
    }

    /// <summary>The values of <see cref="Insert"/>'s parameters, in <see cref="InsertParameters"/>' order.</summary>
    internal static object?[] Values(AuditEntry entry, (long Seq, string PrevHash, string Hash) link) =>
        [link.Seq, entry.At, entry.MeterNumber, entry.RequestId, entry.Requester, entry.TokenClass, entry.TokenSubclass, entry.Tid, entry.Amount, link.PrevHash,
            link.Hash];

    public Task SaveAsync(CancellationToken cancellationToken) => connection.ExecuteAsync(new CommandDefinition(
        "UPDATE ka_audit_head SET seq = @Seq, hash = @Hash WHERE id = 1", new { head.Seq, head.Hash }, transaction, cancellationToken: cancellationToken));
}
