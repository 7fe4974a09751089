using Dapper;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Audit;

/// <summary>The hash-chained log of every token issued (appended by <see cref="AuditTail"/>), and its verification.</summary>
internal sealed class AuditLog(KeyAuthorityDatabase database)
{
    /// <summary>What a verification found.</summary>
    public sealed record Verification(bool Intact, long Entries, long? FirstBadSeq, string Finding);

    /// <summary>Walks the whole chain: finds any altered, inserted, reordered or removed entry.</summary>
    public async Task<Verification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT seq, at, meter_number, request_id, requester, token_class, token_subclass, tid, amount, prev_hash, hash
            FROM ka_audit ORDER BY seq
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var (expectedSeq, previous) = (1L, "genesis");
        // Streamed: the log grows with every token ever issued.
        await foreach (var row in connection.QueryUnbufferedAsync<Row>(Sql).WithCancellation(cancellationToken))
        {
            var entry = new AuditEntry(row.At, row.MeterNumber, row.RequestId, row.Requester, row.TokenClass, row.TokenSubclass, row.Tid, row.Amount);
            var finding = row.Seq != expectedSeq ? $"entry {expectedSeq} is missing"
                : row.PrevHash != previous ? $"entry {row.Seq} does not follow entry {row.Seq - 1}"
                : row.Hash != entry.HashAfter(row.Seq, previous) ? $"entry {row.Seq} was altered"
                : null;
            if (finding is not null)
            {
                return new Verification(false, expectedSeq - 1, Math.Min(row.Seq, expectedSeq), finding);
            }

            (expectedSeq, previous) = (row.Seq + 1, row.Hash);
        }

        var head = await connection.QuerySingleAsync<(long Seq, string Hash)>(new CommandDefinition("SELECT seq, hash FROM ka_audit_head WHERE id = 1", cancellationToken: cancellationToken));
        return head.Seq == expectedSeq - 1 && head.Hash == previous
            ? new Verification(true, head.Seq, null, $"{head.Seq} entries, chain intact")
            : new Verification(false, expectedSeq - 1, expectedSeq, $"the log ends at entry {expectedSeq - 1} but {head.Seq} were written: entries were removed");
    }

    private sealed class Row
    {
        public long Seq { get; set; }
        public long At { get; set; }
        public string MeterNumber { get; set; } = "";
        public string RequestId { get; set; } = "";
        public string Requester { get; set; } = "";
        public int TokenClass { get; set; }
        public int TokenSubclass { get; set; }
        public int? Tid { get; set; }
        public string? Amount { get; set; }
        public string PrevHash { get; set; } = "";
        public string Hash { get; set; } = "";
    }
}
