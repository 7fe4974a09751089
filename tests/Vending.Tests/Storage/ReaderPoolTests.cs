using Dapper;
using Microsoft.Data.Sqlite;
using SmsVending.Infrastructure.Storage;
using SmsVending.Infrastructure.Storage.Prepared;
using SmsVending.Testing;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Tests.Storage;

/// <summary><see cref="ReaderPool"/>: SQLite reads get an open connection back with the statements it ran still prepared, and
/// never one left inside a transaction.</summary>
public sealed class ReaderPoolTests
{
    [Fact]
    public async Task OpenAsync_AfterAReadClosed_GivesItsConnectionBackWithTheStatementKept()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        SqliteConnection first;
        await using (var connection = await database.OpenAsync())
        {
            Assert.Equal(3L, await connection.ExecuteScalarAsync<long>("SELECT @n + 1", new { n = 2 }));
            first = Lease(connection).Connection;
        }

        await using var again = await database.OpenAsync();

        Assert.Same(first, Lease(again).Connection);
        Assert.Equal(1, Lease(again).Count); // the read's statement, prepared and idle
        Assert.Equal(8L, await again.ExecuteScalarAsync<long>("SELECT @n + 1", new { n = 7 }));
    }

    [Fact]
    public async Task Close_InsideATransactionBegunInSql_DropsTheConnectionAndItsWrites()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE begun (n INTEGER)"));
        SqliteConnection inTransaction;
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("BEGIN IMMEDIATE");
            await connection.ExecuteAsync("INSERT INTO begun (n) VALUES (1)");
            inTransaction = Lease(connection).Connection;
        }

        await using var next = await database.OpenAsync();

        Assert.NotSame(inTransaction, Lease(next).Connection);
        Assert.Equal(System.Data.ConnectionState.Closed, inTransaction.State);
        Assert.Equal(0L, await next.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM begun"));
        Assert.Equal(1, await database.WriteAsync(c => c.ExecuteAsync("INSERT INTO begun (n) VALUES (2)"))); // the write lock is free
    }

    [Fact]
    public async Task Close_WithAReadStillOpen_DropsTheConnectionSoNoOldSnapshotLingers()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var database = new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString);
        await database.WriteAsync(c => c.ExecuteAsync("CREATE TABLE snapshot (n INTEGER)"));
        await database.WriteAsync(c => c.ExecuteAsync("INSERT INTO snapshot (n) VALUES (1), (2)"));
        var connection = await database.OpenAsync();
        var reading = connection.CreateCommand();
        reading.CommandText = "SELECT n FROM snapshot";
        var reader = await reading.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync()); // the statement is mid-step: its read transaction is open
        var leftOpen = Lease(connection).Connection;
        await connection.CloseAsync(); // the command and its reader are not disposed

        await database.WriteAsync(c => c.ExecuteAsync("INSERT INTO snapshot (n) VALUES (3)"));
        await using var next = await database.OpenAsync();

        Assert.NotSame(leftOpen, Lease(next).Connection);
        Assert.Equal(3L, await next.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM snapshot")); // the new row, not the old snapshot
        await reader.DisposeAsync();
        await reading.DisposeAsync();
    }

    [Fact]
    public async Task Close_OfMoreThanTheIdleLimitAtOnce_KeepsTheLimitAndDisposeClosesThem()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var opened = new List<SqliteConnection>();
        var pool = new ReaderPool(async cancellationToken =>
        {
            var connection = new SqliteConnection(test.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            opened.Add(connection);
            return connection;
        });
        var leases = new List<PreparedConnection>();
        for (var i = 0; i < ReaderPool.MaxIdle + 3; i++)
        {
            leases.Add(await pool.OpenAsync(CancellationToken.None));
        }

        leases.ForEach(l => l.Close());
        Assert.Equal(ReaderPool.MaxIdle, pool.IdleCount);
        Assert.Equal(3, opened.Count(c => c.State == System.Data.ConnectionState.Closed));

        pool.Dispose();

        Assert.Equal(0, pool.IdleCount);
        Assert.All(opened, c => Assert.Equal(System.Data.ConnectionState.Closed, c.State));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.OpenAsync(CancellationToken.None));
    }

    private static StatementCache Lease(System.Data.Common.DbConnection connection) => ((PreparedConnection)connection).Statements;
}
