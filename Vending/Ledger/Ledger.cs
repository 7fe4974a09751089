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

    /// <summary>An account's balance. The balance index holds all three columns, so the sum never reads the table.</summary>
    internal const string BalanceSql = "SELECT SUM(amount_minor) FROM vd_ledger WHERE account = @account AND currency = @currency";

    /// <summary>Moves money between accounts. A posting id is posted once: a repeat is rejected by the unique key.</summary>
    public static async Task PostAsync(DbConnection connection, DbTransaction? transaction, string postingId, string from, string to, Money amount,
        DateTimeOffset at, string reference, CancellationToken cancellationToken)
    {
        if (amount.Minor <= 0 || from == to)
        {
            throw new ArgumentException($"posting {postingId}: an amount above zero between two accounts");
        }

        foreach (var (account, minor) in new[] { (from, -amount.Minor), (to, amount.Minor) })
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert, new
            {
                PostingId = postingId, Account = account, Amount = minor, amount.Currency, At = at.ToUnixTimeMilliseconds(), Reference = reference,
            }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>An account's balance: the sum of its entries.</summary>
    public static async Task<Money> BalanceAsync(DbConnection connection, DbTransaction? transaction, string account, string currency,
        CancellationToken cancellationToken)
    {
        var minor = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(BalanceSql, new { account, currency }, transaction,
            cancellationToken: cancellationToken));
        return new Money(minor ?? 0, currency);
    }
}
