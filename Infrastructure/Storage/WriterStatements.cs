using System.Data.Common;
using Microsoft.Data.Sqlite;
using SmsVending.Infrastructure.Storage.Prepared;

namespace SmsVending.Infrastructure.Storage;

/// <summary>The group-commit writer's connection: its transaction and savepoint statements and the writes' own statements, each
/// prepared on its first run and kept (<see cref="StatementCache"/>).</summary>
/// <remarks>Every queued write runs a savepoint and its release: as fresh commands, Microsoft.Data.Sqlite would parse both each time
/// (two extra parses per write, more than many writes' own statement costs). The writes get the connection as a
/// <see cref="PreparedConnection"/>, so their Dapper commands are parsed once too.</remarks>
internal sealed class WriterStatements : IAsyncDisposable
{
    private readonly StatementCache statements;

    public WriterStatements(SqliteConnection connection)
    {
        statements = new StatementCache(connection);
        Connection = new PreparedConnection(statements, release: null);
    }

    /// <summary>The connection the writes run on.</summary>
    public DbConnection Connection { get; }

    /// <summary>The SQLite connection underneath.</summary>
    public SqliteConnection Sqlite => statements.Connection;

    public Task BeginAsync() => RunAsync("BEGIN IMMEDIATE");

    public Task SavepointAsync() => RunAsync("SAVEPOINT write");

    public Task ReleaseAsync() => RunAsync("RELEASE write");

    public Task CommitAsync() => RunAsync("COMMIT");

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        statements.Dispose();
    }

    private async Task RunAsync(string sql)
    {
        var command = statements.Take(sql);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            statements.Return(command);
        }
    }
}
