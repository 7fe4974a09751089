using System.Data.Common;
using Microsoft.Data.Sqlite;
using SmsVending.Infrastructure.Storage.Prepared;

namespace SmsVending.Infrastructure.Storage;

/// <summary>The group-commit writer's connection with its transaction and savepoint statements, prepared once, and the writes'
/// own statements prepared on their first run.</summary>
/// <remarks>Every queued write runs a savepoint and its release: as fresh commands, Microsoft.Data.Sqlite would parse both each time
/// (two extra parses per write, more than many writes' own statement costs); these are parsed when the connection opens. The
/// writes get the connection as a <see cref="PreparedConnection"/>, so their Dapper commands are parsed once too.</remarks>
internal sealed class WriterStatements : IAsyncDisposable
{
    private readonly DbCommand begin;
    private readonly DbCommand savepoint;
    private readonly DbCommand release;
    private readonly DbCommand commit;

    private readonly StatementCache statements;

    private WriterStatements(SqliteConnection connection)
    {
        statements = new StatementCache(connection);
        Connection = new PreparedConnection(statements, release: null);
        begin = Command("BEGIN IMMEDIATE");
        savepoint = Command("SAVEPOINT write");
        release = Command("RELEASE write");
        commit = Command("COMMIT");
    }

    /// <summary>The connection the writes run on.</summary>
    public DbConnection Connection { get; }

    /// <summary>The SQLite connection underneath.</summary>
    public SqliteConnection Sqlite => statements.Connection;

    private IEnumerable<DbCommand> All => [begin, savepoint, release, commit];

    public static async Task<WriterStatements> PrepareAsync(SqliteConnection connection)
    {
        var statements = new WriterStatements(connection);
        try
        {
            foreach (var command in statements.All)
            {
                await command.PrepareAsync();
            }

            return statements;
        }
        catch
        {
            await statements.DisposeAsync();
            throw;
        }
    }

    public Task BeginAsync() => begin.ExecuteNonQueryAsync();

    public Task SavepointAsync() => savepoint.ExecuteNonQueryAsync();

    public Task ReleaseAsync() => release.ExecuteNonQueryAsync();

    public Task CommitAsync() => commit.ExecuteNonQueryAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var command in All)
        {
            await command.DisposeAsync();
        }

        await Connection.DisposeAsync();
        statements.Dispose();
    }

    private DbCommand Command(string sql)
    {
        var command = statements.Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
