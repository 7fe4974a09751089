using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using DbUp;
using Microsoft.Data.Sqlite;
using Npgsql;
using Polly;
using Polly.Retry;
using SmsVending.Infrastructure.Storage.Prepared;

namespace SmsVending.Infrastructure.Storage;

/// <summary>One service's database: opens connections and migrates its schema; every difference between the databases lives here.</summary>
/// <remarks>
/// Each service subclasses it once, so its schema scripts (embedded under <c>Storage/Schema/</c> in the service's
/// assembly) and its connection are its own: a service never reads another service's tables.
/// Schema scripts use <c>$blob$</c> for binary, <c>$seq$</c> for a 64-bit key the caller assigns, and <c>$serial$</c> for
/// one the database assigns (in SQLite both are the rowid itself).
/// </remarks>
public abstract class Database : IDisposable
{
    private readonly NpgsqlDataSource? postgres;
    private readonly Lazy<GroupCommit> sqliteWriter;
    private readonly ReaderPool? sqliteReaders;

    static Database()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        _ = SqliteProcessOptions.Configured;
    }

    /// <summary>A database of the given kind.</summary>
    protected Database(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        postgres = provider == DatabaseProvider.Postgres ? NpgsqlDataSource.Create(connectionString) : null;
        sqliteWriter = new(() => new GroupCommit(OpenSqliteAsync));
        sqliteReaders = provider == DatabaseProvider.Sqlite ? new ReaderPool(OpenSqliteAsync) : null;
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteThreadPool.Reserve();
        }
    }

    /// <summary>Which database this is.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>How to reach it.</summary>
    public string ConnectionString { get; }

    /// <summary>An open connection; SQLite connections wait for the write lock, sync every commit, and keep the statements they
    /// ran prepared for the next caller (<see cref="ReaderPool"/>).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(cancellationToken);
        }

        return await sqliteReaders!.OpenAsync(cancellationToken);
    }

    /// <summary>Runs one write (statements that belong together) atomically and returns once it is committed. On SQLite, writes
    /// from the whole process are group-committed by one writer (<see cref="GroupCommit"/>): the work shares the writer's
    /// connection and transaction, so it must not begin a transaction of its own, must not open another write, and must not
    /// wait on anything but its own statements. On PostgreSQL it is a transaction on a pooled connection.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (postgres is null)
        {
            return await SqliteWriter.WriteAsync(work, cancellationToken);
        }

        await using var connection = await postgres.OpenConnectionAsync(cancellationToken);
        // Npgsql sends BEGIN together with the first statement instead of in a round trip of its own.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(connection);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            await RollbackQuietlyAsync(() => transaction.RollbackAsync());
            throw;
        }
    }

    /// <summary>Runs a write that is one command (its statements, then reads that need not be atomic with it) and returns once it is
    /// committed. On SQLite it is group-committed as <see cref="WriteAsync{T}(Func{DbConnection, Task{T}}, CancellationToken)"/> is; on
    /// PostgreSQL it runs on a pooled connection without a transaction block, where a command's statements are one implicit
    /// transaction (Npgsql sends them in one batch: a failing one skips those after it and undoes those before), and a BEGIN and a
    /// COMMIT around them would cost a round trip more (README, Distributed mode).</summary>
    public async Task<T> WriteCommandAsync<T>(Func<DbConnection, Task<T>> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (postgres is null)
        {
            return await SqliteWriter.WriteAsync(command, cancellationToken);
        }

        await using var connection = await postgres.OpenConnectionAsync(cancellationToken);
        return await command(connection);
    }

    /// <inheritdoc cref="WriteAsync{T}(Func{DbConnection, Task{T}}, CancellationToken)"/>
    public Task WriteAsync(Func<DbConnection, Task> work, CancellationToken cancellationToken = default) =>
        WriteAsync(async connection =>
        {
            await work(connection);
            return true;
        }, cancellationToken);

    /// <inheritdoc cref="WriteCommandAsync{T}(Func{DbConnection, Task{T}}, CancellationToken)"/>
    public Task WriteCommandAsync(Func<DbConnection, Task> command, CancellationToken cancellationToken = default) =>
        WriteCommandAsync(async connection =>
        {
            await command(connection);
            return true;
        }, cancellationToken);

    private GroupCommit SqliteWriter => sqliteWriter.Value;

    /// <summary>Rolls back after a failure without hiding it: when the connection itself broke, the rollback fails too, and the
    /// first error is the one worth reporting (the database drops the transaction with the connection).</summary>
    internal static Task RollbackQuietlyAsync(DbConnection connection) => RollbackQuietlyAsync(() => connection.ExecuteAsync(Statement("ROLLBACK")));

    private static async Task RollbackQuietlyAsync(Func<Task> rollback)
    {
        try
        {
            await rollback();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // Already rolled back, or the connection is gone.
        }
    }

    /// <summary>A transaction control statement. Typed as text: Dapper takes a one-word command for a stored procedure's name.</summary>
    internal static CommandDefinition Statement(string sql, CancellationToken cancellationToken = default) =>
        new(sql, commandType: System.Data.CommandType.Text, cancellationToken: cancellationToken);

    private async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // A pooled connection keeps its settings: each one is set up on its first open only, not on every read.
        if (!SetUp.TryGetValue(connection.Handle!, out _))
        {
            // FULL: a committed write (a TID, a debit) must survive a power cut. Temporary storage in memory: the writer runs each
            // write in a savepoint, whose undo journal otherwise spills to a temporary file (two writes per page) that no crash needs.
            // A checkpoint every 10,000 WAL pages (40 MB) instead of SQLite's 1,000: a checkpoint copies every page changed since the
            // last one back into the file and syncs it, and under load most of them (index pages keyed by phone, meter or provider
            // id) change again within seconds, so fewer checkpoints copy and sync the same page fewer times (README, Figures).
            await connection.ExecuteAsync(
                "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 10000;");
            SetUp.AddOrUpdate(connection.Handle!, SetUp);
        }

        return connection;
    }

    /// <summary>The SQLite connections (native handles, which the pool keeps between opens) whose settings are made.</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> SetUp = new();

    /// <summary>Appended to a row-claiming SELECT: PostgreSQL lets concurrent claimers skip each other's rows; SQLite has one writer anyway.</summary>
    public string SkipLocked => Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";

    /// <summary>Whether an exception is a unique-key violation: the "already done" signal of idempotent inserts.</summary>
    public bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode == 19 && e.SqliteExtendedErrorCode is 1555 or 2067,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Whether an exception means the database could not be reached or went away (a restart, a failover, a dropped
    /// connection) or asked to try again, so the same work may well succeed a moment later.</summary>
    public static bool IsTransientFault(Exception exception) => exception switch
    {
        PostgresException e => e.IsTransient || e.SqlState.StartsWith("57P", StringComparison.Ordinal), // 57P: shutting down, starting up
        NpgsqlException => true, // not an answer from the server: the connection failed or broke
        _ => false,
    };

    /// <summary>Runs <paramref name="work"/> again while it fails with a transient fault, for up to about fifteen seconds: long enough
    /// for a database restart, short enough for a webhook whose caller is waiting.</summary>
    public static ValueTask<T> RideOutAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken) =>
        Outage.ExecuteAsync(work, cancellationToken);

    private static readonly ResiliencePipeline Outage = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransientFault),
            MaxRetryAttempts = 10,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    /// <summary>Brings the schema up to date with the scripts embedded in the subclass's assembly (DbUp).</summary>
    public void Migrate()
    {
        if (Provider == DatabaseProvider.Sqlite && Path.GetDirectoryName(new SqliteConnectionStringBuilder(ConnectionString).DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var builder = Provider == DatabaseProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(ConnectionString)
            : DeployChanges.To.PostgresqlDatabase(ConnectionString);
        // In SQLite INTEGER PRIMARY KEY is the 64-bit rowid itself, so such a key needs no second index.
        var (blob, seq, serial) = Provider == DatabaseProvider.Sqlite ? ("BLOB", "INTEGER", "INTEGER") : ("BYTEA", "BIGINT", "BIGSERIAL");
        var upgrade = builder
            .WithScriptsEmbeddedInAssembly(GetType().Assembly, name => name.Contains(".Storage.Schema.", StringComparison.Ordinal))
            .WithVariable("blob", blob)
            .WithVariable("key", "TEXT")
            .WithVariable("text", "TEXT")
            .WithVariable("seq", seq)
            .WithVariable("serial", serial)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!upgrade.Successful)
        {
            throw new InvalidOperationException($"{GetType().Name} schema migration failed: {upgrade.Error.Message}", upgrade.Error);
        }

        if (Provider == DatabaseProvider.Sqlite)
        {
            using var connection = new SqliteConnection(ConnectionString);
            connection.Execute("PRAGMA journal_mode = WAL;"); // readers never block the writer
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        postgres?.Dispose();
        if (sqliteWriter.IsValueCreated)
        {
            // Writes queued before disposal still commit.
            sqliteWriter.Value.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        }

        sqliteReaders?.Dispose();

        GC.SuppressFinalize(this);
    }
}
