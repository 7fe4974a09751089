using System.Data.Common;
using Dapper;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Ledger;

/// <summary>The double-entry ledger: every movement is two entries that sum to zero, written in the caller's transaction (null inside
/// <c>Database.WriteAsync</c>, whose transaction is the writer's).</summary>
internal static class Ledger
{
    /// <summary>A posting's two entries, and the running balance of each of its accounts that keeps one, in one command (one round trip
    /// on PostgreSQL), by whether the from- and the to-account keep one. A repeated posting fails on the entries' unique key before any
    /// balance changes, and the failure undoes the whole write.</summary>
    private static readonly string[] PostingSql = [Posting(false, false), Posting(true, false), Posting(false, true), Posting(true, true)];

    private static string Posting(bool fromBalance, bool toBalance) => string.Join(";\n", new[]
    {
        """
        INSERT INTO vd_ledger (posting_id, account, amount_minor, currency, at, reference)
        VALUES (@PostingId, @From, @Debit, @Currency, @At, @Reference), (@PostingId, @To, @Credit, @Currency, @At, @Reference)
        """,
        fromBalance ? AddToBalance("@From", "@Debit") : null,
        toBalance ? AddToBalance("@To", "@Credit") : null,
    }.OfType<string>());

    private static string AddToBalance(string account, string amount) => $"""
        INSERT INTO vd_balances (account, currency, amount_minor) VALUES ({account}, @Currency, {amount})
        ON CONFLICT (account, currency) DO UPDATE SET amount_minor = vd_balances.amount_minor + excluded.amount_minor
        """;

    /// <summary>A running balance: one row by its key, however long the account's history.</summary>
    internal static readonly string BalanceSql = BalanceOf("account");

    /// <summary><see cref="BalanceSql"/> for the account named by the parameter <paramref name="account"/> (in @currency), for a command
    /// that reads more than one.</summary>
    internal static string BalanceOf(string account) => $"SELECT amount_minor FROM vd_balances WHERE account = @{account} AND currency = @currency";

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

        var sql = PostingSql[(LedgerAccounts.HasRunningBalance(from) ? 1 : 0) + (LedgerAccounts.HasRunningBalance(to) ? 2 : 0)];
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            PostingId = postingId, From = from, To = to, Debit = -amount.Minor, Credit = amount.Minor, amount.Currency, At = at.ToUnixTimeMilliseconds(),
            Reference = reference,
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>A wallet's or a debt's balance, from its running balance (zero before its first entry).</summary>
    public static async Task<Money> BalanceAsync(DbConnection connection, DbTransaction? transaction, string account, string currency,
        CancellationToken cancellationToken)
    {
        if (!LedgerAccounts.HasRunningBalance(account))
        {
            throw new ArgumentException($"{account} keeps no running balance: a house account's balance is the sum of its entries", nameof(account));
        }

        return Balance(await connection.ExecuteScalarAsync<long?>(new CommandDefinition(BalanceSql, new { account, currency }, transaction,
            cancellationToken: cancellationToken)), currency);
    }

    /// <summary>A balance from what <see cref="BalanceOf"/> read: no row is zero, as before the account's first entry.</summary>
    internal static Money Balance(long? minor, string currency) => new(minor ?? 0, currency);
}
