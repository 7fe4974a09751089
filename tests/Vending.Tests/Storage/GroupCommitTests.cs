using Dapper;
using Microsoft.Data.Sqlite;
using SmsVending.Infrastructure.Storage;
using SmsVending.Infrastructure.Storage.Prepared;
using SmsVending.Testing;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Storage;

/// <summary><see cref="Database.WriteAsync{T}"/>: on SQLite many writers share one group-committed transaction, on PostgreSQL
/// each is its own; either way a write is all or nothing, and one failing write undoes only itself.</summary>
[Collection(nameof(SqlitePoolAlone))] // two of these tests watch the pool hand back a connection
public sealed class GroupCommitTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WriteAsync_ManyAtOnceWithOneFailing_CommitsTheOthersAndUndoesTheFailingOneWhole(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        using var database = new VendingDatabase(provider, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE gc_rows (n INTEGER PRIMARY KEY, half INTEGER NOT NULL)"));

        var writes = Enumerable.Range(1, 100).Select(n => database.WriteAsync(async connection =>
        {
            // Two statements per write: the failing write's first row must go too.
            await connection.ExecuteAsync("INSERT INTO gc_rows (n, half) VALUES (@n, 1)", new { n });
            await connection.ExecuteAsync("INSERT INTO gc_rows (n, half) VALUES (@n, 2)", new { n = n + 1000 });
            return n == 42 ? throw new InvalidOperationException("write 42 fails") : n;
        })).ToList();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[41]);
        Assert.Equal("write 42 fails", failure.Message);
        Assert.Equal(Enumerable.Range(1, 100).Where(n => n != 42), await Task.WhenAll(writes.Where((_, i) => i != 41)));
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<long>("SELECT n FROM gc_rows ORDER BY n")).ToList();
        Assert.Equal(198, rows.Count);
        Assert.DoesNotContain(42L, rows);
        Assert.DoesNotContain(1042L, rows);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WriteAsync_AUniqueViolation_ReachesItsCallerAndLeavesTheFirstRow(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        using var database = new VendingDatabase(provider, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE gc_keys (k TEXT PRIMARY KEY)"));
        await database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_keys (k) VALUES ('a')"));

        var again = await Assert.ThrowsAnyAsync<Exception>(() => database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_keys (k) VALUES ('a')")));

        Assert.True(database.IsUniqueViolation(again), again.ToString());
        Assert.Equal(1, await database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_keys (k) VALUES ('b')")));
    }

    [Fact]
    public async Task WriteAsync_FailingOnAKeyAnotherWriteInItsBatchTook_LearnsItOnlyOnceThatWriteIsCommitted()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE gc_race (k TEXT PRIMARY KEY)"));
        var (held, hold) = await HoldTheWriterAsync(database, _ => Task.CompletedTask);
        var first = database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_race (k) VALUES ('a')"));
        var second = database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_race (k) VALUES ('a')"));
        // The last write of the batch looks whether the failing one has reached its caller while the batch is still open. It
        // must not have: a retry made then (a purchase reloading what the other delivery stored) would not find the row.
        var reachedItsCallerBeforeTheCommit = database.WriteAsync(async _ =>
        {
            await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(500)));
            return second.IsCompleted;
        });

        hold.SetResult();

        Assert.True(database.IsUniqueViolation(await Assert.ThrowsAnyAsync<Exception>(() => second)));
        Assert.False(await reachedItsCallerBeforeTheCommit);
        Assert.Equal(1, await first);
        await held;
    }

    [Fact]
    public async Task WriteAsync_ABatchWhoseTransactionFails_FailsEveryWriteInItWritesNothingAndTheNextBatchStartsAfresh()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var pool = new PooledSqlite(test.ConnectionString); // as the services run: the pool could hand the failed connection back
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, pool.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE gc_full (b BLOB NOT NULL)"));
        // The held write leaves the writer's connection unable to grow the file: the next page that batch needs is a full disk.
        var (held, hold) = await HoldTheWriterAsync(
            database, async c => await c.ExecuteAsync($"PRAGMA max_page_count = {await c.ExecuteScalarAsync<long>("PRAGMA page_count")}"));
        var batch = new List<Task>
        {
            database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_full (b) VALUES (x'01')")),
            database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_full (b) VALUES (zeroblob(100000))")),
        };

        hold.SetResult();
        await held;

        foreach (var write in batch)
        {
            Assert.Equal(13, (await Assert.ThrowsAsync<SqliteException>(() => write)).SqliteErrorCode); // SQLITE_FULL
        }

        Assert.Equal(1, await database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_full (b) VALUES (zeroblob(100000))")));
        await using var connection = await database.OpenAsync();
        Assert.Equal(100000L, await connection.ExecuteScalarAsync<long>("SELECT SUM(length(b)) FROM gc_full")); // the last write's row alone
    }

    [Fact]
    public async Task WriteAsync_CancelledBeforeItsTurn_IsNotWritten()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE gc_cancel (n INTEGER)"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_cancel VALUES (1)"), cancelled.Token));

        await using var connection = await database.OpenAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM gc_cancel"));
    }

    [Fact]
    public async Task OpenAsync_APooledConnectionOpenedAgain_KeepsItsFullSyncBusyTimeoutMemoryTemporaryStorageAndCheckpointInterval()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var pool = new PooledSqlite(test.ConnectionString);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, pool.ConnectionString);
        var (handles, opened) = (new List<SQLitePCL.sqlite3>(), new List<SqliteConnection>());

        // The settings are made on a connection's first open only; every later open of it from the pool must still have them.
        for (var open = 0; open < 3; open++)
        {
            var connection = await database.OpenAsync();
            opened.Add(((PreparedConnection)connection).Statements.Connection);
            handles.Add(opened[^1].Handle!);
            Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // FULL
            Assert.Equal(30000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
            Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("PRAGMA temp_store")); // MEMORY: a savepoint's undo journal stays off disk
            Assert.Equal(10000L, await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
            // A command still out when the lease closes makes the reader pool close the connection (ReaderPool), so the next open
            // comes from Microsoft.Data.Sqlite's pool: the same native connection, opened again.
            using var held = connection.CreateCommand();
            held.CommandText = "SELECT 1";
            held.Prepare();
            await connection.DisposeAsync();
        }

        Assert.Single(handles.Distinct()); // one connection from the pool, opened three times
        Assert.Equal(3, opened.Distinct().Count()); // each time through a new SqliteConnection
    }

    [Fact]
    public async Task WriteAsync_FifteenThousandPagesOverManyCommits_CheckpointsEveryTenThousandWalPagesNotEveryThousand()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        database.Migrate(); // WAL mode, as every service runs
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE gc_pages (n INTEGER PRIMARY KEY, filler BLOB NOT NULL)"));
        var wal = new FileInfo(new SqliteConnectionStringBuilder(test.ConnectionString).DataSource + "-wal");
        var largest = 0L;

        // A row of 4,000 bytes fills a 4 KB page: 150 commits of 100 rows put 15,000 pages through the WAL. A checkpoint lets the
        // next commit start the WAL over from its beginning, so the file's size is the most it held between two checkpoints.
        for (var commit = 0; commit < 150; commit++)
        {
            var rows = Enumerable.Range(commit * 100, 100).Select(n => new { n }).ToList();
            await database.WriteAsync(c => c.ExecuteAsync("INSERT INTO gc_pages (n, filler) VALUES (@n, zeroblob(4000))", rows));
            wal.Refresh();
            largest = Math.Max(largest, wal.Length);
        }

        const long Frame = 4096 + 24; // a page and its frame header
        Assert.InRange(largest, 5_000 * Frame, 10_500 * Frame); // not every 1,000 pages, and not never
    }

    /// <summary>Starts a write the writer runs alone and holds until <c>Hold</c> is set, then runs <paramref name="then"/> in it: the
    /// writes queued meanwhile share the next batch. Writes queued before the held one runs could split between its batch and
    /// the next.</summary>
    private static async Task<(Task Held, TaskCompletionSource Hold)> HoldTheWriterAsync(Database database, Func<System.Data.Common.DbConnection, Task> then)
    {
        var (running, hold) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var held = database.WriteAsync(async c =>
        {
            running.SetResult();
            await hold.Task;
            await then(c);
        });
        await running.Task;
        return (held, hold);
    }

    /// <summary>The test database's connection string with pooling on, as the services use it; the pool is emptied at the end.</summary>
    private sealed class PooledSqlite(string connectionString) : IDisposable
    {
        public string ConnectionString { get; } = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();

        public void Dispose()
        {
            using var connection = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
