using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SmsVending.Infrastructure.Storage.Prepared;

/// <summary>A transaction on a <see cref="PreparedConnection"/>; its commands run in the SQLite transaction it wraps.</summary>
internal sealed class PreparedTransaction(PreparedConnection connection, SqliteTransaction inner) : DbTransaction
{
    /// <summary>The SQLite transaction, which the statements run in.</summary>
    public SqliteTransaction Inner { get; } = inner;

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel => Inner.IsolationLevel;

    /// <inheritdoc />
    protected override DbConnection DbConnection => connection;

    /// <inheritdoc />
    public override void Commit() => Inner.Commit();

    /// <inheritdoc />
    public override void Rollback() => Inner.Rollback();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose(); // rolls back if neither committed nor rolled back
            connection.Ended(this);
        }

        base.Dispose(disposing);
    }
}
