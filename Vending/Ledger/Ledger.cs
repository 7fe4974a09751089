using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Ledger;

/// <summary>The double-entry ledger: every movement is two entries that sum to zero, written in the caller's transaction (null inside
/// <c>Database.WriteAsync</c>, whose transaction is the writer's).</summary>
internal static class Ledger
{
    /// <summary>The SQL of a run of postings by their shape (per posting, whether its from- and to-account keep a running balance:
    /// <see cref="Shape"/>) and the statement that follows them. Few occur, and each keeps one text, so the statements are prepared once.</summary>
    private static readonly ConcurrentDictionary<(string Shape, string Then), string> PostingsSql = new();

    /// <summary>Posting <paramref name="i"/>'s two entries and the running balances they change. A repeated posting fails on the
    /// entries' unique key before any balance changes, and the failure undoes the whole command.</summary>
    private static string OnePosting(char shape, int i) => string.Join(";\n", new[]
    {
        $"""
        INSERT INTO vd_ledger (posting_id, account, amount_minor, currency, at, reference)
        VALUES (@PostingId{i}, @From{i}, @Debit{i}, @Currency{i}, @At{i}, @Reference{i}), (@PostingId{i}, @To{i}, @Credit{i}, @Currency{i}, @At{i}, @Reference{i})
        """,
        (shape & 1) != 0 ? AddToBalance($"@From{i}", $"@Debit{i}", $"@Currency{i}") : null,
        (shape & 2) != 0 ? AddToBalance($"@To{i}", $"@Credit{i}", $"@Currency{i}") : null,
    }.OfType<string>());

    private static char Shape(Posting posting) =>
        (char)('0' + (LedgerAccounts.HasRunningBalance(posting.From) ? 1 : 0) + (LedgerAccounts.HasRunningBalance(posting.To) ? 2 : 0));

    private static string AddToBalance(string account, string amount, string currency) => $"""
        INSERT INTO vd_balances (account, currency, amount_minor) VALUES ({account}, {currency}, {amount})
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
        var parameters = new DynamicParameters();
        var sql = Postings([new Posting(postingId, from, to, amount)], at, reference, parameters);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The SQL of postings made together, in order, then the statement <paramref name="then"/> (the write they belong to),
    /// for one command (one round trip on PostgreSQL); their values go into <paramref name="parameters"/>, each name ending in its
    /// posting's index. Each posting is as <see cref="PostAsync"/>'s.</summary>
    internal static string Postings(IReadOnlyList<Posting> postings, DateTimeOffset at, string reference, DynamicParameters parameters, string then = "")
    {
        var shape = new char[postings.Count];
        for (var i = 0; i < postings.Count; i++)
        {
            var (id, from, to, amount) = postings[i];
            if (amount.Minor <= 0 || from == to)
            {
                throw new ArgumentException($"posting {id}: an amount above zero between two accounts");
            }

            shape[i] = Shape(postings[i]);
            parameters.Add($"PostingId{i}", id);
            parameters.Add($"From{i}", from);
            parameters.Add($"To{i}", to);
            parameters.Add($"Debit{i}", -amount.Minor);
            parameters.Add($"Credit{i}", amount.Minor);
            parameters.Add($"Currency{i}", amount.Currency);
            parameters.Add($"At{i}", at.ToUnixTimeMilliseconds());
            parameters.Add($"Reference{i}", reference);
        }

        return PostingsSql.GetOrAdd((new string(shape), then),
            key => string.Join(";\n", key.Shape.Select(OnePosting).Append(key.Then).Where(statement => statement.Length > 0)));
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

/// <summary>A movement of money from one account to another, as <see cref="Ledger.Postings"/> writes it.</summary>
internal sealed record Posting(string Id, string From, string To, Money Amount);
