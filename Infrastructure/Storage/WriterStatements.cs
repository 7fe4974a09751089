using System.Data.Common;

namespace SmsVending.Infrastructure.Storage;

/// <summary>The group-commit writer's connection with its transaction and savepoint statements, prepared once.</summary>
/// <remarks>Every queued write runs a savepoint and its release: as fresh commands, Microsoft.Data.Sqlite would parse both each time
/// (two extra parses per write, more than many writes' own statement costs); these are parsed when the connection opens.</remarks>
internal sealed class WriterStatements : IAsyncDisposable
{
    private readonly DbCommand begin;
    private readonly DbCommand savepoint;
    private readonly DbCommand release;
    private readonly DbCommand commit;

    private WriterStatements(DbConnection connection)
    {
        Connection = connection;
        begin = Command("BEGIN IMMEDIATE");
        savepoint = Command("SAVEPOINT write");
        release = Command("RELEASE write");
        commit = Command("COMMIT");
    }

    public DbConnection Connection { get; }

    private IEnumerable<DbCommand> All => [begin, savepoint, release, commit];

    public static async Task<WriterStatements> PrepareAsync(DbConnection connection)
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
    }

    private DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
