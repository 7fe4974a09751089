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
        await using var table = await KeyTable.CreateAsync(provider);

        // Write 42 inserts row 1 again.
        var writes = Enumerable.Range(1, 100).Select(n => table.Database.WriteCommandAsync(c =>
            c.ExecuteAsync("INSERT INTO ws_rows (n) VALUES (@n)", new { n = n == 42 ? 1 : n }))).ToList();

        var repeat = await Assert.ThrowsAnyAsync<Exception>(() => writes[41]);
        Assert.True(table.Database.IsUniqueViolation(repeat), repeat.ToString());
        Assert.All(await Task.WhenAll(writes.Where((_, i) => i != 41)), inserted => Assert.Equal(1, inserted));
        Assert.Equal(Enumerable.Range(1, 100).Where(n => n != 42).Select(n => (long)n), await table.RowsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WriteCommandAsync_ACommandWhoseSecondStatementFails_UndoesItsFirst(DatabaseProvider provider)
    {
        await using var table = await KeyTable.CreateAsync(provider);
        await table.Database.WriteAsync(c => c.ExecuteAsync("INSERT INTO ws_rows (n) VALUES (1)"));

        var repeat = await Assert.ThrowsAnyAsync<Exception>(() =>
            table.Database.WriteCommandAsync(c => c.ExecuteAsync("INSERT INTO ws_rows (n) VALUES (500); INSERT INTO ws_rows (n) VALUES (1)")));

        Assert.True(table.Database.IsUniqueViolation(repeat), repeat.ToString());
        Assert.Equal([1L], await table.RowsAsync());
    }

    [Fact]
    public async Task WriteCommandAsync_OnPostgres_RunsOutsideATransactionBlock()
    {
        await using var table = await KeyTable.CreateAsync(DatabaseProvider.Postgres);

        // VACUUM refuses to run inside a transaction block, so it tells the two kinds of write apart.
        var inTransaction = await Assert.ThrowsAsync<PostgresException>(() => table.Database.WriteAsync(c => c.ExecuteAsync("VACUUM ws_rows")));
        Assert.Equal(PostgresErrorCodes.ActiveSqlTransaction, inTransaction.SqlState);
        await table.Database.WriteCommandAsync(c => c.ExecuteAsync("VACUUM ws_rows"));
    }

    /// <summary>A fresh database with one table of keys, <c>ws_rows (n)</c>.</summary>
    private sealed class KeyTable(TestDatabase test, VendingDatabase database) : IAsyncDisposable
    {
        public VendingDatabase Database => database;

        public static async Task<KeyTable> CreateAsync(DatabaseProvider provider)
        {
            var test = await TestDatabase.CreateAsync(provider);
            var table = new KeyTable(test, new VendingDatabase(provider, test.ConnectionString));
            await table.Database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE ws_rows (n INTEGER PRIMARY KEY)"));
            return table;
        }

        public async Task<IEnumerable<long>> RowsAsync()
        {
            await using var connection = await database.OpenAsync();
            return await connection.QueryAsync<long>("SELECT n FROM ws_rows ORDER BY n");
        }

        public async ValueTask DisposeAsync()
        {
            database.Dispose();
            await test.DisposeAsync();
        }
    }
}
