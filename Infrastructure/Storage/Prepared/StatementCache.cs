using Microsoft.Data.Sqlite;

namespace SmsVending.Infrastructure.Storage.Prepared;

/// <summary>An open SQLite connection that keeps each statement it has run prepared: one idle command per SQL text.</summary>
/// <remarks>Microsoft.Data.Sqlite prepares a command's SQL on its first run and keeps it prepared while that command lives, but
/// Dapper makes a fresh command for every call, so SQLite parsed and planned every statement anew (about a tenth of a purchase's
/// CPU). Handing out the same command for the same text skips that. A text beyond <see cref="Capacity"/> distinct ones runs
/// unprepared, as before: a query built with a varying shape (a list expanded into parameters) cannot fill memory.</remarks>
internal sealed class StatementCache(SqliteConnection connection) : IDisposable
{
    /// <summary>Distinct SQL texts kept prepared per connection at most.</summary>
    internal const int Capacity = 128;

    private readonly Dictionary<string, SqliteCommand> idle = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int outstanding;
    private bool disposed;

    /// <summary>The connection the statements belong to.</summary>
    public SqliteConnection Connection { get; } = connection;

    /// <summary>Prepared statements kept for reuse (for tests).</summary>
    internal int Count
    {
        get
        {
            lock (gate)
            {
                return idle.Count;
            }
        }
    }

    /// <summary>Commands taken and not returned: a statement among them may still be stepping, holding its read open.</summary>
    internal int Outstanding
    {
        get
        {
            lock (gate)
            {
                return outstanding;
            }
        }
    }

    /// <summary>The command for <paramref name="sql"/>, prepared if it ran here before; the caller has it alone until it is returned.</summary>
    public SqliteCommand Take(string sql)
    {
        lock (gate)
        {
            outstanding++;
            if (idle.Remove(sql, out var command))
            {
                return command;
            }
        }

        var fresh = Connection.CreateCommand();
        fresh.CommandText = sql;
        return fresh;
    }

    /// <summary>Takes a command back, cleared of its parameters and transaction, for the next run of the same text.</summary>
    public void Return(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        lock (gate)
        {
            outstanding--;
            // A second command of one text (two taken at once) or one past the capacity is not kept.
            if (!disposed && idle.Count < Capacity && idle.TryAdd(command.CommandText, command))
            {
                return;
            }
        }

        command.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        List<SqliteCommand> commands;
        lock (gate)
        {
            disposed = true;
            commands = [.. idle.Values];
            idle.Clear();
        }

        commands.ForEach(c => c.Dispose());
        Connection.Dispose();
    }
}
