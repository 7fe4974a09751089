using Dapper;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Tests.Storage;

/// <summary>The sums every purchase takes (a wallet's and a debt's balance, a meter's usage this month) read an index alone: with a
/// table look-up for each entry summed they cost more the longer a customer buys.</summary>
public sealed class SumIndexTests
{
    [Fact]
    public async Task BalanceSum_ReadsOnlyTheBalanceIndex()
    {
        Assert.Contains("USING COVERING INDEX ix_vd_ledger_balance", await PlanAsync(Vending.Ledger.Ledger.BalanceSql, new { account = "wallet:c1", currency = "KES" }));
    }

    [Fact]
    public async Task UsageSum_ReadsOnlyTheUsageIndex()
    {
        Assert.Contains("USING COVERING INDEX ix_vd_purchases_usage", await PlanAsync(PurchaseStore.UsageSql, new { meterNumber = "01234567890", month = "2026-12" }));
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
