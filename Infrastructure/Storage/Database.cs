using System.Data.Common;
using System.Reflection;
using Dapper;
using DbUp;
using Microsoft.Data.Sqlite;
using Npgsql;

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
    private readonly SemaphoreSlim sqliteWriter = new(1, 1);

    static Database() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>A database of the given kind.</summary>
    protected Database(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        postgres = provider == DatabaseProvider.Postgres ? NpgsqlDataSource.Create(connectionString) : null;
    }

    /// <summary>Which database this is.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>How to reach it.</summary>
    public string ConnectionString { get; }

    /// <summary>An open connection; SQLite connections wait for the write lock and sync every commit.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(cancellationToken);
        }

        return await OpenSqliteAsync(new SqliteConnection(ConnectionString), cancellationToken);
    }

    /// <summary>An open connection for one write (a statement or a transaction), disposed as soon as it is done. SQLite has one
    /// writer per file: in this process, writers queue here for their turn (first come, first served) instead of in SQLite's
    /// busy handler, which sleeps in growing steps on a blocked pool thread and made latency under load jump to seconds.
    /// Never open a second writer on the same database while holding one: the queue is not re-entrant.</summary>
    public async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(cancellationToken);
        }

        await sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            return await OpenSqliteAsync(new WriterConnection(ConnectionString, sqliteWriter), cancellationToken);
        }
        catch
        {
            sqliteWriter.Release();
            throw;
        }
    }

    private static async Task<DbConnection> OpenSqliteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        // FULL: a committed write (a TID, a debit) must survive a power cut.
        await connection.ExecuteAsync("PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;");
        return connection;
    }

    /// <summary>Appended to a row-claiming SELECT: PostgreSQL lets concurrent claimers skip each other's rows; SQLite has one writer anyway.</summary>
    public string SkipLocked => Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";

    /// <summary>Whether an exception is a unique-key violation: the "already done" signal of idempotent inserts.</summary>
    public bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode == 19 && e.SqliteExtendedErrorCode is 1555 or 2067,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

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
        sqliteWriter.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A SQLite connection that gives the writer's turn back when it is disposed.</summary>
internal sealed class WriterConnection(string connectionString, SemaphoreSlim turn) : SqliteConnection(connectionString)
{
    private SemaphoreSlim? turn = turn;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Interlocked.Exchange(ref turn, null)?.Release();
    }
}
