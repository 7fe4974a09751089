using Dapper;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;
using SmsVending.Vending.Storage;
using SQLitePCL;

namespace SmsVending.Vending.Tests.Storage;

/// <summary><see cref="SqliteThreading"/>: the first <see cref="Database"/> sets SQLite's process-wide options before SQLite starts.</summary>
public sealed class SqliteThreadingTests
{
    [Fact]
    public async Task FirstDatabase_SetsTheOptionsBeforeSqliteStarts()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        database.Migrate();
        await using var connection = await database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));

        Assert.True(SqliteThreading.Configured);
        // With allocation statistics on, SQLite counts the memory the open connection holds.
        Assert.Equal(0, raw.sqlite3_memory_used());
    }

    [Fact]
    public async Task ManyConnectionsAtOnce_EachUsedByOneTaskAtATime_ReadAndWrite()
    {
        // Multi-thread mode drops the per-connection mutex: many threads at once, each on its own connection, is what it allows.
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE mt_rows (n INTEGER PRIMARY KEY)"));

        await Parallel.ForEachAsync(Enumerable.Range(1, 400), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, token) =>
        {
            await database.WriteAsync(c => c.ExecuteAsync(new CommandDefinition("INSERT INTO mt_rows (n) VALUES (@n)", new { n }, cancellationToken: token)), token);
            await using var connection = await database.OpenAsync(token);
            Assert.Equal(n, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT n FROM mt_rows WHERE n = @n", new { n }, cancellationToken: token)));
        });

        await using var check = await database.OpenAsync();
        Assert.Equal(400 * 401 / 2, await check.ExecuteScalarAsync<long>("SELECT SUM(n) FROM mt_rows"));
    }
}
