using Microsoft.Data.Sqlite;
using Npgsql;
using SmsVending.Infrastructure.Storage;

namespace SmsVending.Testing;

/// <summary>A fresh, empty database for one test: a SQLite file in a temporary folder, or a new PostgreSQL database (from ops/postgres.sh).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>What ops/postgres.sh sets up; ops/test.sh passes the same in SMSVENDING_TEST_POSTGRES.</summary>
    private const string LocalPostgres = "Host=127.0.0.1;Port=5432;Username=smsvending;Password=smsvending;Database=smsvending_test";

    private readonly string? folder;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder, string? postgresName)
    {
        (Provider, ConnectionString, this.folder, this.postgresName) = (provider, connectionString, folder, postgresName);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A folder for files that belong with the database (the master key).</summary>
    public string Folder => folder ?? throw new InvalidOperationException("no folder");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "smsvending-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")};Pooling=False", folder, null);
        }

        var admin = Environment.GetEnvironmentVariable("SMSVENDING_TEST_POSTGRES") ?? LocalPostgres;
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        // A capped pool: several instances share the server's 100 connections, as deployed instances must.
        return new TestDatabase(provider, new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 20 }.ConnectionString, folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresName is not null)
        {
            var admin = Environment.GetEnvironmentVariable("SMSVENDING_TEST_POSTGRES") ?? LocalPostgres;
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
