using Microsoft.Data.Sqlite;

namespace SmsVending.Infrastructure.Storage.Prepared;

/// <summary>A database's open SQLite connections for reads, each keeping its prepared statements between leases.</summary>
/// <remarks>Microsoft.Data.Sqlite's own pool keeps the native connection but frees its statements on every close, so each read
/// parsed its SQL again. These stay open while idle. A lease closed inside a transaction (SQL that ran BEGIN itself), or with
/// a command not yet disposed (whose statement may still hold a read open, pinning an old snapshot and the WAL), is closed
/// rather than reused, as every connection was before: no read ever starts in someone else's transaction.</remarks>
internal sealed class ReaderPool(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    /// <summary>Idle connections kept at most; more at once are opened and closed as before.</summary>
    internal const int MaxIdle = 64;

    private readonly Stack<StatementCache> idle = new();
    private readonly Lock gate = new();
    private bool disposed;

    /// <summary>Connections idle now (for tests).</summary>
    internal int IdleCount
    {
        get
        {
            lock (gate)
            {
                return idle.Count;
            }
        }
    }

    /// <summary>A connection for one caller until it closes it: the most recently used idle one, or a new one.</summary>
    public async Task<PreparedConnection> OpenAsync(CancellationToken cancellationToken)
    {
        StatementCache? statements = null;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            idle.TryPop(out statements);
        }

        statements ??= new StatementCache(await open(cancellationToken));
        return new PreparedConnection(statements, Return);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        List<StatementCache> all;
        lock (gate)
        {
            disposed = true;
            all = [.. idle];
            idle.Clear();
        }

        all.ForEach(s => s.Dispose());
    }

    private void Return(StatementCache statements)
    {
        var reusable = statements.Connection.State == System.Data.ConnectionState.Open
            && statements.Outstanding == 0
            && SQLitePCL.raw.sqlite3_get_autocommit(statements.Connection.Handle) != 0; // not inside a transaction
        lock (gate)
        {
            if (reusable && !disposed && idle.Count < MaxIdle)
            {
                idle.Push(statements);
                return;
            }
        }

        statements.Dispose();
    }
}
