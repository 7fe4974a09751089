using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace SmsVending.Infrastructure.Storage.Prepared;

/// <summary>A command on a <see cref="PreparedConnection"/>: it runs the cache's command for its text, prepared once, and gives it
/// back when disposed.</summary>
internal sealed class PreparedCommand(PreparedConnection connection, StatementCache statements) : DbCommand
{
    private SqliteCommand? inner;
    private string text = "";
    private PreparedTransaction? transaction;

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => text;
        set
        {
            value ??= "";
            if (inner is not null && !string.Equals(inner.CommandText, value, StringComparison.Ordinal))
            {
                // The text changed after parameters were added (Dapper expands a list this way): they move to the new text's command.
                var parameters = inner.Parameters.Cast<SqliteParameter>().ToList();
                statements.Return(inner);
                inner = statements.Take(value);
                inner.Parameters.AddRange(parameters);
            }

            text = value;
        }
    }

    /// <inheritdoc />
    public override int CommandTimeout { get; set; } = statements.Connection.DefaultTimeout;

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException("SQLite runs SQL text only", nameof(value));
            }
        }
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <inheritdoc />
    [AllowNull]
    protected override DbConnection DbConnection
    {
        get => connection;
        set
        {
            if (value != connection)
            {
                throw new NotSupportedException("a prepared command stays on the connection that made it");
            }
        }
    }

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction
    {
        get => transaction;
        set => transaction = value switch
        {
            null => null,
            PreparedTransaction ours when ours.Connection == connection => ours,
            _ => throw new ArgumentException("the transaction belongs to another connection", nameof(value)),
        };
    }

    private SqliteCommand Inner => inner ??= statements.Take(text);

    /// <inheritdoc />
    public override void Cancel() => inner?.Cancel();

    /// <inheritdoc />
    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    /// <inheritdoc />
    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Ready().ExecuteNonQueryAsync(cancellationToken);

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Ready().ExecuteScalarAsync(cancellationToken);

    /// <inheritdoc />
    public override void Prepare() => Ready().Prepare();

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => Inner.CreateParameter();

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

    /// <inheritdoc />
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await Ready().ExecuteReaderAsync(behavior, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && inner is not null)
        {
            statements.Return(inner);
            inner = null;
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Ready()
    {
        ObjectDisposedException.ThrowIf(connection.State == ConnectionState.Closed, connection);
        var command = Inner;
        command.CommandTimeout = CommandTimeout;
        command.Transaction = transaction?.Inner;
        return command;
    }
}
