using System.Data.Common;
using Dapper;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Ledger;

/// <summary>The double-entry ledger: every movement is two entries that sum to zero, written in the caller's transaction (null inside
/// <c>Database.WriteAsync</c>, whose transaction is the writer's).</summary>
internal static class Ledger
{
    private const string Insert = """
        INSERT INTO vd_ledger (posting_id, account, amount_minor, currency, at, reference)
        VALUES (@PostingId, @Account, @Amount, @Currency, @At, @Reference)
        """;

    /// <summary>An entry in an account with a running balance: the entry and the balance in one command (one round trip on PostgreSQL).
    /// A repeated posting fails on the entry's unique key before the balance changes, and the failure undoes the whole write.</summary>
    private const string InsertAndAdd = Insert + """
        ;
        INSERT INTO vd_balances (account, currency, amount_minor) VALUES (@Account, @Currency, @Amount)
        ON CONFLICT (account, currency) DO UPDATE SET amount_minor = vd_balances.amount_minor + excluded.amount_minor
        """;

    /// <summary>A running balance: one row by its key, however long the account's history.</summary>
    internal const string BalanceSql = "SELECT amount_minor FROM vd_balances WHERE account = @account AND currency = @currency";

    /// <summary>Moves money between accounts. A posting id is posted once: a repeat is rejected by the unique key.</summary>
    /// <remarks>On PostgreSQL the running balances are row locks held to the commit, taken from-account first: callers that post to
    /// both a wallet and a debt take the meter's and the customer's locks before (as <c>PurchaseStore</c> does), so two such writes
    /// cannot take the two balances in opposite orders.</remarks>
    public static async Task PostAsync(DbConnection connection, DbTransaction? transaction, string postingId, string from, string to, Money amount,
        DateTimeOffset at, string reference, CancellationToken cancellationToken)
    {
        if (amount.Minor <= 0 || from == to)
        {
            throw new ArgumentException($"posting {postingId}: an amount above zero between two accounts");
        }

        foreach (var (account, minor) in new[] { (from, -amount.Minor), (to, amount.Minor) })
        {
            await connection.ExecuteAsync(new CommandDefinition(LedgerAccounts.HasRunningBalance(account) ? InsertAndAdd : Insert, new
            {
                PostingId = postingId, Account = account, Amount = minor, amount.Currency, At = at.ToUnixTimeMilliseconds(), Reference = reference,
            }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>A wallet's or a debt's balance, from its running balance (zero before its first entry).</summary>
    public static async Task<Money> BalanceAsync(DbConnection connection, DbTransaction? transaction, string account, string currency,
        CancellationToken cancellationToken)
    {
        if (!LedgerAccounts.HasRunningBalance(account))
        {
            throw new ArgumentException($"{account} keeps no running balance: a house account's balance is the sum of its entries", nameof(account));
        }

        var minor = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(BalanceSql, new { account, currency }, transaction,
            cancellationToken: cancellationToken));
        return new Money(minor ?? 0, currency);
    }
}
