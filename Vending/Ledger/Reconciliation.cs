using Dapper;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Ledger;

/// <summary>Proves the books balance: every posting sums to zero, so does every currency, and no wallet is overdrawn.</summary>
public sealed class Reconciliation(VendingDatabase database)
{
    /// <summary>What the check found.</summary>
    public sealed record Result(bool Balanced, long Postings, IReadOnlyList<string> Findings);

    public async Task<Result> CheckAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        CommandDefinition Query(string sql) => new(sql, cancellationToken: cancellationToken);
        var findings = new List<string>();
        findings.AddRange((await connection.QueryAsync<string>(Query(
            "SELECT posting_id FROM vd_ledger GROUP BY posting_id HAVING SUM(amount_minor) <> 0 OR COUNT(*) <> 2")))
            .Select(p => $"posting {p} is not two entries that sum to zero"));
        findings.AddRange((await connection.QueryAsync<string>(Query(
            "SELECT currency FROM vd_ledger GROUP BY currency HAVING SUM(amount_minor) <> 0")))
            .Select(c => $"the {c} entries do not sum to zero"));
        findings.AddRange((await connection.QueryAsync<(string Account, long Minor)>(Query(
            "SELECT account, SUM(amount_minor) FROM vd_ledger WHERE account LIKE 'wallet:%' GROUP BY account HAVING SUM(amount_minor) < 0")))
            .Select(w => $"{w.Account} is overdrawn by {-w.Minor} minor units"));
        var postings = await connection.ExecuteScalarAsync<long>(Query("SELECT COUNT(DISTINCT posting_id) FROM vd_ledger"));
        return new Result(findings.Count == 0, postings, findings);
    }
}
