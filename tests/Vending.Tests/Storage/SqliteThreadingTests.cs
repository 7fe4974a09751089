using Dapper;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;
using SmsVending.Vending.Storage;
using SQLitePCL;

namespace SmsVending.Vending.Tests.Storage;

/// <summary><see cref="SqliteProcessOptions"/>: the first <see cref="Database"/> sets SQLite's process-wide options before SQLite starts.</summary>
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

        Assert.True(SqliteProcessOptions.Configured);
        // With allocation statistics on, SQLite counts the memory the open connection holds.
        Assert.Equal(0, raw.sqlite3_memory_used());
    }

    [Fact]
    public void OneConnection_UsedByTwoThreadsAtOnce_StaysSound()
    {
        // As a statement freed on the finalizer thread meets its connection's next caller. In serialized mode the connection's own
        // mutex orders the calls; in multi-thread mode they corrupt its allocator and the process dies (this test did within seconds).
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_open(":memory:", out var db));
        using (db)
        {
            Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(db, "CREATE TABLE t (n INTEGER PRIMARY KEY, s TEXT); INSERT INTO t VALUES (1, 'one')"));
            var found = new int[2];
            Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, thread =>
            {
                for (var i = 0; i < 200_000; i++)
                {
                    Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(db, "SELECT s FROM t WHERE n = ?", out var statement));
                    using (statement)
                    {
                        raw.sqlite3_bind_int(statement, 1, 1);
                        found[thread] += raw.sqlite3_step(statement) == raw.SQLITE_ROW && raw.sqlite3_column_text(statement, 0).utf8_to_string() == "one" ? 1 : 0;
                    }
                }
            });

            Assert.Equal([200_000, 200_000], found);
        }
    }

    [Fact]
    public async Task ManyConnectionsAtOnce_EachUsedByOneTaskAtATime_ReadAndWrite()
    {
        // Many threads at once, each on its own connection, the way the services use SQLite.
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
