using System.Data;
using System.Data.Common;
using Dapper;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority.Audit;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>The issuer's per-request statements on one connection, prepared once and run again with new parameter values.</summary>
/// <remarks>
/// Microsoft.Data.Sqlite parses a command's SQL each time a new command runs, which a fresh Dapper command per token pays for
/// every statement; these commands parse once. On SQLite the writer keeps this connection (and so these statements) between
/// batches; on PostgreSQL it goes back to the pool after each batch, and Npgsql keeps the statements prepared on it.
/// </remarks>
internal sealed class IssuanceStatements : IAsyncDisposable
{
    private const string SelectMeter = """
        SELECT m.meter_number, m.profile, m.supply_group_code, m.tariff_index, m.key_revision, m.key_type, m.key_expiry, m.base_date,
               m.dkga, m.ea, m.credit_kind, m.last_tid, m.starting_code, m.device_count, m.time_divider, m.restricted, m.sealed_device_key,
               c.rollover, c.supply_group_code, c.tariff_index, c.key_revision, c.key_type, c.key_expiry, c.base_date, c.dkga, c.ea
        FROM ka_meters m LEFT JOIN ka_key_changes c ON c.meter_number = m.meter_number
        WHERE m.meter_number = @MeterNumber
        """;

    private const string Claim = """
        INSERT INTO ka_requests (request_id, meter_number, result, issued_at) VALUES (@RequestId, @MeterNumber, @Result, @At)
        ON CONFLICT (request_id) DO NOTHING
        """;

    private const string StoredResult = "SELECT result FROM ka_requests WHERE request_id = @RequestId";

    private const string SaveCounters = "UPDATE ka_meters SET last_tid = @LastTid, device_count = @DeviceCount WHERE meter_number = @MeterNumber";

    private readonly DbCommand selectMeter;
    private readonly DbCommand claim;
    private readonly DbCommand storedResult;
    private readonly DbCommand saveCounters;

    private IssuanceStatements(DbConnection connection, bool keepOpen)
    {
        (Connection, KeepOpen) = (connection, keepOpen);
        selectMeter = Command(SelectMeter, ("MeterNumber", DbType.String));
        claim = Command(Claim, ("RequestId", DbType.String), ("MeterNumber", DbType.String), ("Result", DbType.String), ("At", DbType.Int64));
        storedResult = Command(StoredResult, ("RequestId", DbType.String));
        saveCounters = Command(SaveCounters, ("LastTid", DbType.Int32), ("DeviceCount", DbType.Int32), ("MeterNumber", DbType.String));
        AppendAudit = Command(AuditTail.Insert, AuditTail.InsertParameters);
    }

    public DbConnection Connection { get; }

    /// <summary>Whether the writer keeps this connection for its next batch (SQLite: the process is the only writer).</summary>
    public bool KeepOpen { get; }

    /// <summary>The audit entry's insert, for <see cref="AuditTail"/>.</summary>
    public DbCommand AppendAudit { get; }

    private IEnumerable<DbCommand> All => [selectMeter, claim, storedResult, saveCounters, AppendAudit];

    public static async Task<IssuanceStatements> OpenAsync(KeyAuthorityDatabase database, CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var statements = new IssuanceStatements(connection, database.Provider == DatabaseProvider.Sqlite);
        try
        {
            foreach (var command in statements.All)
            {
                await command.PrepareAsync(cancellationToken);
            }

            return statements;
        }
        catch
        {
            await statements.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the statements in this batch's transaction.</summary>
    public void Enlist(DbTransaction transaction)
    {
        foreach (var command in All)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>The meter and its pending key change, in one read; (null, null) for an unknown meter.</summary>
    public async Task<(MeterRow? Meter, PendingKeyChange? Change)> ReadMeterAsync(string meterNumber, CancellationToken cancellationToken)
    {
        selectMeter.Parameters[0].Value = meterNumber;
        await using var reader = await selectMeter.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (null, null);
        }

        var split = reader.GetOrdinal("rollover");
        var meter = reader.GetRowParser<MeterRow>(startIndex: 0, length: split)(reader);
        var change = reader.GetRowParser<PendingKeyChange?>(startIndex: split, returnNullIfFirstMissing: true)(reader);
        return (meter, change);
    }

    /// <summary>Claims the request id with its answer; false when it was claimed before.</summary>
    public async Task<bool> ClaimAsync(string requestId, string meterNumber, string result, long at, CancellationToken cancellationToken) =>
        await Run(claim, cancellationToken, requestId, meterNumber, result, at) == 1;

    public async Task<string> StoredResultAsync(string requestId, CancellationToken cancellationToken)
    {
        storedResult.Parameters[0].Value = requestId;
        return (string)(await storedResult.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task SaveCountersAsync(MeterRow meter, CancellationToken cancellationToken) =>
        Run(saveCounters, cancellationToken, meter.LastTid, meter.DeviceCount, meter.MeterNumber);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in All)
        {
            await command.DisposeAsync();
        }

        await Connection.DisposeAsync();
    }

    /// <summary>Runs a prepared command with new values for its parameters, in order.</summary>
    internal static Task<int> Run(DbCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.DbType) = (name, type);
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
