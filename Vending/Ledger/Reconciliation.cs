using Dapper;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Ledger;

/// <summary>Proves the books balance: every posting sums to zero, so does every currency, every running balance is the sum of its
/// account's entries, and no wallet is overdrawn.</summary>
public sealed class Reconciliation(VendingDatabase database)
{
    /// <summary>What the check found.</summary>
    public sealed record Result(bool Balanced, long Postings, IReadOnlyList<string> Findings);

    /// <summary>Accounts whose running balance differs from the sum of their entries, either side missing counting as zero.</summary>
    private const string RunningBalanceMismatchSql = $"""
        WITH sums AS (
            SELECT account, currency, SUM(amount_minor) AS minor FROM vd_ledger WHERE {LedgerAccounts.RunningBalanceSql} GROUP BY account, currency)
        SELECT COALESCE(s.account, b.account), COALESCE(s.currency, b.currency), COALESCE(s.minor, 0), COALESCE(b.amount_minor, 0)
        FROM sums s FULL JOIN vd_balances b ON b.account = s.account AND b.currency = s.currency
        WHERE COALESCE(s.minor, 0) <> COALESCE(b.amount_minor, 0)
        """;

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
        findings.AddRange((await connection.QueryAsync<(string Account, string Currency, long Entries, long Balance)>(Query(RunningBalanceMismatchSql)))
            .Select(b => $"{b.Account}'s running balance is {b.Balance} {b.Currency} minor units but its entries sum to {b.Entries}"));
        findings.AddRange((await connection.QueryAsync<(string Account, long Minor)>(Query(
            $"SELECT account, amount_minor FROM vd_balances WHERE account LIKE '{LedgerAccounts.WalletPrefix}%' AND amount_minor < 0")))
            .Select(w => $"{w.Account} is overdrawn by {-w.Minor} minor units"));
        var postings = await connection.ExecuteScalarAsync<long>(Query("SELECT COUNT(DISTINCT posting_id) FROM vd_ledger"));
        return new Result(findings.Count == 0, postings, findings);
    }
}
