using Dapper;
using Npgsql;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Tests.Storage;

/// <summary><see cref="Database.WriteCommandAsync{T}"/>: a write that is one command, group-committed on SQLite and run without a
/// transaction block on PostgreSQL; committed when it returns, and all or nothing either way.</summary>
public sealed class WriteCommandTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WriteCommandAsync_ManyAtOnceWithOneRepeatingAKey_CommitsTheOthersAndRefusesTheRepeat(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        using var database = new VendingDatabase(provider, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE ws_rows (n INTEGER PRIMARY KEY)"));

        // Write 42 inserts row 1 again.
        var writes = Enumerable.Range(1, 100).Select(n => database.WriteCommandAsync(c =>
            c.ExecuteAsync("INSERT INTO ws_rows (n) VALUES (@n)", new { n = n == 42 ? 1 : n }))).ToList();

        var repeat = await Assert.ThrowsAnyAsync<Exception>(() => writes[41]);
        Assert.True(database.IsUniqueViolation(repeat), repeat.ToString());
        Assert.All(await Task.WhenAll(writes.Where((_, i) => i != 41)), inserted => Assert.Equal(1, inserted));
        await using var connection = await database.OpenAsync();
        Assert.Equal(Enumerable.Range(1, 100).Where(n => n != 42).Select(n => (long)n), await connection.QueryAsync<long>("SELECT n FROM ws_rows ORDER BY n"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WriteCommandAsync_ACommandWhoseSecondStatementFails_UndoesItsFirst(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        using var database = new VendingDatabase(provider, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE ws_rows (n INTEGER PRIMARY KEY); INSERT INTO ws_rows (n) VALUES (1)"));

        var repeat = await Assert.ThrowsAnyAsync<Exception>(() =>
            database.WriteCommandAsync(c => c.ExecuteAsync("INSERT INTO ws_rows (n) VALUES (500); INSERT INTO ws_rows (n) VALUES (1)")));

        Assert.True(database.IsUniqueViolation(repeat), repeat.ToString());
        await using var connection = await database.OpenAsync();
        Assert.Equal([1L], await connection.QueryAsync<long>("SELECT n FROM ws_rows ORDER BY n"));
    }

    [Fact]
    public async Task WriteCommandAsync_OnPostgres_RunsOutsideATransactionBlock()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        using var database = new VendingDatabase(DatabaseProvider.Postgres, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE ws_rows (n INTEGER PRIMARY KEY)"));

        // VACUUM refuses to run inside a transaction block, so it tells the two kinds of write apart.
        var inTransaction = await Assert.ThrowsAsync<PostgresException>(() => database.WriteAsync(c => c.ExecuteAsync("VACUUM ws_rows")));
        Assert.Equal(PostgresErrorCodes.ActiveSqlTransaction, inTransaction.SqlState);
        await database.WriteCommandAsync(c => c.ExecuteAsync("VACUUM ws_rows"));
    }
}
