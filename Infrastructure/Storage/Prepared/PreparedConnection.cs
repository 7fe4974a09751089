using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace SmsVending.Infrastructure.Storage.Prepared;

/// <summary>A lease of a <see cref="StatementCache"/>'s connection: commands made on it reuse the statements prepared before,
/// and closing it hands the connection back to its owner (or to nobody, for the writer's own connection).</summary>
internal sealed class PreparedConnection(StatementCache statements, Action<StatementCache>? release) : DbConnection
{
    private PreparedTransaction? transaction;
    private bool closed;

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => statements.Connection.ConnectionString;
        set => throw new NotSupportedException("a prepared connection keeps the connection string it was opened with");
    }

    /// <summary>The statements it runs, and the SQLite connection underneath.</summary>
    internal StatementCache Statements => statements;

    /// <inheritdoc />
    public override string Database => statements.Connection.Database;

    /// <inheritdoc />
    public override string DataSource => statements.Connection.DataSource;

    /// <inheritdoc />
    public override string ServerVersion => statements.Connection.ServerVersion;

    /// <inheritdoc />
    public override ConnectionState State => closed ? ConnectionState.Closed : statements.Connection.State;

    /// <inheritdoc />
    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException("a SQLite connection has one database");

    /// <inheritdoc />
    public override void Open() => ObjectDisposedException.ThrowIf(closed, this); // leased open; once closed it is someone else's

    /// <inheritdoc />
    public override void Close()
    {
        if (closed)
        {
            return;
        }

        // A transaction left open is rolled back before the connection serves anyone else.
        transaction?.Dispose();
        closed = true;
        release?.Invoke(statements);
    }

    /// <summary>Forgets the transaction once it is done.</summary>
    internal void Ended(PreparedTransaction ended)
    {
        if (transaction == ended)
        {
            transaction = null;
        }
    }

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        ObjectDisposedException.ThrowIf(closed, this);
        return transaction = new PreparedTransaction(this, statements.Connection.BeginTransaction(isolationLevel));
    }

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        return new PreparedCommand(this, statements);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }
}
