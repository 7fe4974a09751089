using System.Data.Common;
using Dapper;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Ledger;

public abstract class LedgerTests(DatabaseProvider provider) : VendingTest(provider)
{
    [Fact]
    public async Task RandomTopUpsPurchasesAndDebts_KeepTheBooksBalancedAndWalletsExact()
    {
        var random = new Random(7);
        var customers = new[] { await App.SeedAsync("+254711000001", 1, firstSerial: 1), await App.SeedAsync("+254711000002", 1, firstSerial: 2) };
        var expected = new decimal[2];
        await App.Get<MeterRegistry>().AddDebtAsync(customers[1].Meters[0], Money.Of(800m, "KES"), "arrears-2025");
        for (var step = 0; step < 60; step++)
        {
            var who = random.Next(2);
            var phone = customers[who].Customer.Phone;
            if (random.Next(3) == 0)
            {
                var amount = random.Next(1, 500) * 10m;
                await App.TopUpAsync(phone, amount);
                expected[who] += amount;
            }
            else
            {
                var outcome = await App.BuyAsync(TestVending.Sms(phone, null, random.Next(15, 120) * 10m));
                expected[who] -= outcome.Issued?.Receipt.Charged ?? 0;
            }

            if (step % 10 == 0)
            {
                App.Clock.Advance(TimeSpan.FromDays(random.Next(1, 20)));
            }
        }

        var check = await App.Get<Reconciliation>().CheckAsync();
        Assert.True(check.Balanced, string.Join("; ", check.Findings));
        Assert.Equal(expected[0], (await App.WalletAsync(customers[0].Customer.Id)).Amount);
        Assert.Equal(expected[1], (await App.WalletAsync(customers[1].Customer.Id)).Amount);
    }

    [Fact]
    public async Task Reconciliation_FindsARunningBalanceThatIsNotItsEntriesSum()
    {
        var (customer, _) = await App.SeedAsync();
        await App.TopUpAsync(customer.Phone, 500m);
        await App.BuyAsync(TestVending.Sms(customer.Phone, null, 200m));
        Assert.True((await App.Get<Reconciliation>().CheckAsync()).Balanced);

        await using (var connection = await App.Get<VendingDatabase>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE vd_balances SET amount_minor = amount_minor + 1 WHERE account = @a", new { a = LedgerAccounts.Wallet(customer.Id) });
            // Entries with no running balance at all: a posting written past the ledger.
            await connection.ExecuteAsync("""
                INSERT INTO vd_ledger (posting_id, account, amount_minor, currency, at, reference)
                VALUES ('stray', 'wallet:stray', 700, 'KES', 0, 'stray'), ('stray', 'clearing:mobile-money', -700, 'KES', 0, 'stray')
                """);
        }

        var check = await App.Get<Reconciliation>().CheckAsync();
        Assert.False(check.Balanced);
        var wallet = (await App.WalletAsync(customer.Id)).Minor;
        Assert.Equal(
        [
            $"wallet:{customer.Id}'s running balance is {wallet} KES minor units but its entries sum to {wallet - 1}",
            "wallet:stray's running balance is 0 KES minor units but its entries sum to 700",
        ], check.Findings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reconciliation_FindsAnOverdrawnWallet()
    {
        var (customer, _) = await App.SeedAsync();
        await App.TopUpAsync(customer.Phone, 5m);
        await using (var connection = await App.Get<VendingDatabase>().OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO vd_ledger (posting_id, account, amount_minor, currency, at, reference)
                VALUES ('theft', @wallet, -900, 'KES', 0, 'theft'), ('theft', 'revenue:energy', 900, 'KES', 0, 'theft');
                UPDATE vd_balances SET amount_minor = amount_minor - 900 WHERE account = @wallet
                """, new { wallet = LedgerAccounts.Wallet(customer.Id) });
        }

        var check = await App.Get<Reconciliation>().CheckAsync();
        Assert.Equal([$"wallet:{customer.Id} is overdrawn by 400 minor units"], check.Findings);
    }

    [Fact]
    public async Task Upgrade_StartsEachRunningBalanceAtTheSumOfItsEntries()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.Get<MeterRegistry>().AddDebtAsync(meters[0], Money.Of(300m, "KES"), "arrears-2025");
        await App.TopUpAsync(customer.Phone, 900m);
        await App.BuyAsync(TestVending.Sms(customer.Phone, null, 250m));
        var wallet = await App.WalletAsync(customer.Id);
        await using (var connection = await App.Get<VendingDatabase>().OpenAsync())
        {
            // The database as it was before migration 0005: entries, no running balances.
            await connection.ExecuteAsync("""
                DROP TABLE vd_balances;
                CREATE INDEX ix_vd_ledger_balance ON vd_ledger (account, currency, seq, amount_minor);
                DELETE FROM schemaversions WHERE scriptname LIKE '%.0005_RunningBalances.sql'
                """);
        }

        App = await App.RestartAsync();

        Assert.Equal(wallet, await App.WalletAsync(customer.Id));
        await using var upgraded = await App.Get<VendingDatabase>().OpenAsync();
        var debt = await upgraded.ExecuteScalarAsync<long>("SELECT amount_minor FROM vd_balances WHERE account = @a", new { a = LedgerAccounts.Debt(meters[0]) });
        Assert.InRange(debt, -29_999, -1); // the arrears less what the purchase recovered
        var check = await App.Get<Reconciliation>().CheckAsync();
        Assert.True(check.Balanced, string.Join("; ", check.Findings));
    }

    [Fact]
    public async Task Postings_MadeInOneCommand_MoveEachAmountAndARepeatedOneAmongThemUndoesThemAll()
    {
        var (wallet, debt) = (LedgerAccounts.Wallet("c1"), LedgerAccounts.Debt("m1"));
        var database = App.Get<VendingDatabase>();
        Task Post(params Posting[] postings) => database.WriteCommandAsync(async connection =>
        {
            var parameters = new DynamicParameters();
            var sql = Vending.Ledger.Ledger.Postings(postings, App.Clock.GetUtcNow(), "test", parameters);
            await connection.ExecuteAsync(sql, parameters);
        });
        await Post(new Posting("top-up", LedgerAccounts.MobileMoney, wallet, Money.Of(500m, "KES")));

        // A wallet-to-house posting, a wallet-to-debt one (both balances) and a second house one: three shapes in one command.
        await Post(new Posting("energy", wallet, LedgerAccounts.Energy, Money.Of(120m, "KES")), new Posting("debt", wallet, debt, Money.Of(30m, "KES")),
            new Posting("vat", wallet, LedgerAccounts.Vat, Money.Of(20m, "KES")));
        await Assert.ThrowsAnyAsync<DbException>(() => Post(new Posting("more", wallet, LedgerAccounts.Energy, Money.Of(1m, "KES")),
            new Posting("vat", wallet, LedgerAccounts.Vat, Money.Of(5m, "KES"))));

        await using var connection = await database.OpenAsync();
        async Task<decimal> Balance(string account) => (await Vending.Ledger.Ledger.BalanceAsync(connection, null, account, "KES", default)).Amount;
        Assert.Equal((330m, 30m), (await Balance(wallet), await Balance(debt)));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM vd_ledger WHERE posting_id = 'more'"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT SUM(amount_minor) FROM vd_ledger"));
        var check = await App.Get<Reconciliation>().CheckAsync();
        Assert.True(check.Balanced, string.Join("; ", check.Findings));
    }

    [Fact]
    public async Task Balance_OfAHouseAccount_IsRefused()
    {
        await using var connection = await App.Get<VendingDatabase>().OpenAsync();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            Vending.Ledger.Ledger.BalanceAsync(connection, null, LedgerAccounts.Energy, "KES", default));
        Assert.StartsWith("revenue:energy keeps no running balance", refused.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteLedgerTests() : LedgerTests(DatabaseProvider.Sqlite);

public sealed class PostgresLedgerTests() : LedgerTests(DatabaseProvider.Postgres);
