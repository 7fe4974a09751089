using Dapper;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Tests.Storage;

/// <summary>What every purchase reads of its money costs the same however long the customer has bought: a wallet's and a debt's
/// balance are one row by its key, and the meter's usage this month, a sum, reads an index alone (with a table look-up for each
/// entry summed it would cost more the longer a customer buys).</summary>
public sealed class SumIndexTests
{
    [Fact]
    public async Task Balance_ReadsOneRowByItsKey()
    {
        Assert.Equal("SEARCH vd_balances USING INDEX sqlite_autoindex_vd_balances_1 (account=? AND currency=?)",
            await PlanAsync(Vending.Ledger.Ledger.BalanceSql, new { account = "wallet:c1", currency = "KES" }));
    }

    [Fact]
    public async Task UsageSum_ReadsOnlyTheUsageIndex()
    {
        Assert.Contains("USING COVERING INDEX ix_vd_purchases_usage", await PlanAsync(PurchaseStore.UsageSql, new { meterNumber = "01234567890", month = "2026-12" }));
    }

    [Fact]
    public async Task RefundedEntries_AreFoundByTheirPostingIds()
    {
        var plan = await PlanAsync(PurchaseStore.RefundedEntriesSql, new { p0 = "purchase:x:fixed", p1 = "purchase:x:debt", p2 = "purchase:x:energy", p3 = "purchase:x:vat" });
        Assert.Equal("SEARCH vd_ledger USING INDEX sqlite_autoindex_vd_ledger_1 (posting_id=?)", plan);
    }

    /// <summary>SQLite's plan for a query on the migrated schema, one line per step.</summary>
    private static async Task<string> PlanAsync(string sql, object parameters)
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        database.Migrate();
        await using var connection = await database.OpenAsync();
        var steps = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters);
        return string.Join('\n', steps.Select(step => step.Detail));
    }
}
