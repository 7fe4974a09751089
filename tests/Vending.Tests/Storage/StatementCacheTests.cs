using Dapper;
using Microsoft.Data.Sqlite;
using SmsVending.Infrastructure.Storage;
using SmsVending.Infrastructure.Storage.Prepared;
using SmsVending.Testing;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Tests.Storage;

/// <summary><see cref="StatementCache"/> and <see cref="PreparedConnection"/>: Dapper's fresh command per call runs a statement
/// prepared before, with nothing of the last run's parameters or transaction left on it.</summary>
public sealed class StatementCacheTests
{
    [Fact]
    public async Task Take_TheSameTextOnceReturned_GivesBackTheSameCommandClearedOfItsParameters()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var cache = new StatementCache(await OpenAsync(test));

        var first = cache.Take("SELECT @n + 1");
        first.Parameters.AddWithValue("@n", 41);
        Assert.Equal(42L, first.ExecuteScalar());
        cache.Return(first);
        var again = cache.Take("SELECT @n + 1");

        Assert.Same(first, again);
        Assert.Empty(again.Parameters);
        again.Parameters.AddWithValue("@n", 1);
        Assert.Equal(2L, again.ExecuteScalar());
    }

    [Fact]
    public async Task Take_OneTextTwiceAtOnce_GivesTwoCommandsAndKeepsOneOfThem()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var cache = new StatementCache(await OpenAsync(test));

        var (one, other) = (cache.Take("SELECT 1"), cache.Take("SELECT 1"));
        cache.Return(one);
        cache.Return(other);

        Assert.NotSame(one, other);
        Assert.Equal(1, cache.Count);
        Assert.Same(one, cache.Take("SELECT 1"));
        Assert.NotSame(other, cache.Take("SELECT 1")); // disposed, not kept
    }

    [Fact]
    public async Task Return_PastTheCapacity_KeepsNoMoreThanTheCapacity()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var cache = new StatementCache(await OpenAsync(test));

        var commands = Enumerable.Range(0, StatementCache.Capacity + 10).Select(n => cache.Take($"SELECT {n}")).ToList();
        commands.ForEach(cache.Return);

        Assert.Equal(StatementCache.Capacity, cache.Count);
        Assert.Equal(5L, await OnConnection(cache).ExecuteScalarAsync<long>("SELECT 5")); // past the capacity it still runs
    }

    [Fact]
    public async Task APreparedCommand_RunAgainWithoutAParameter_FailsRatherThanUsingTheLastRunsValue()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var cache = new StatementCache(await OpenAsync(test));
        using var connection = OnConnection(cache);

        Assert.Equal(8L, await connection.ExecuteScalarAsync<long>("SELECT @n * 2", new { n = 4 }));

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => connection.ExecuteScalarAsync<long>("SELECT @n * 2"));
        Assert.Contains("@n", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListExpandedIntoParameters_RunsForEachLength()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var cache = new StatementCache(await OpenAsync(test));
        using var connection = OnConnection(cache);
        await connection.ExecuteAsync("CREATE TABLE numbers (n INTEGER PRIMARY KEY)");
        await connection.ExecuteAsync("INSERT INTO numbers (n) VALUES (@n)", Enumerable.Range(1, 10).Select(n => new { n }));

        // Dapper rewrites the text after adding the parameters: they must move to the rewritten text's command.
        foreach (var length in new[] { 2, 5, 2, 9 })
        {
            Assert.Equal(length, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM numbers WHERE n IN @ids", new { ids = Enumerable.Range(1, length) }));
        }
    }

    [Fact]
    public async Task Close_WithATransactionOpen_RollsItBackAndHandsTheConnectionBack()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var cache = new StatementCache(await OpenAsync(test));
        await cache.Connection.ExecuteAsync("CREATE TABLE kept (n INTEGER)");
        StatementCache? released = null;
        var lease = new PreparedConnection(cache, c => released = c);

        using (var transaction = await lease.BeginTransactionAsync())
        {
            await lease.ExecuteAsync("INSERT INTO kept (n) VALUES (1)", transaction: transaction);
            await lease.CloseAsync();
        }

        Assert.Same(cache, released);
        Assert.Equal(0L, await cache.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kept"));
        Assert.Throws<ObjectDisposedException>(() => lease.CreateCommand());
    }

    [Fact]
    public async Task WriteAsync_AReadAbandonedByAFailingWrite_LeavesItsStatementWholeForTheNextWrite()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE abandoned (n INTEGER PRIMARY KEY)"));
        await database.WriteAsync(c => c.ExecuteAsync("INSERT INTO abandoned (n) VALUES (@n)", Enumerable.Range(1, 5).Select(n => new { n })));
        const string All = "SELECT n FROM abandoned ORDER BY n";

        // The first write stops reading after one row: the statement goes back to the cache mid-step.
        await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync<int>(async c =>
        {
            foreach (var n in await c.QueryUnbufferedAsync<long>(All).Take(1).ToListAsync())
            {
                throw new InvalidOperationException($"stopped at {n}");
            }

            return 0;
        }));

        Assert.Equal([1L, 2L, 3L, 4L, 5L], await database.WriteAsync(async c => (await c.QueryAsync<long>(All)).ToList()));
    }

    private static PreparedConnection OnConnection(StatementCache cache) => new(cache, release: null);

    private static async Task<SqliteConnection> OpenAsync(TestDatabase test)
    {
        var connection = new SqliteConnection(test.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
