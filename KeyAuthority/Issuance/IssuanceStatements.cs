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

    /// <summary>Claims the request id with its answer. Its read (<see cref="StoredResult"/>, in <see cref="ReadAsync"/>) runs under the
    /// audit head's lock that every issuer takes first, so a claim meets no earlier one; if it ever did, the unique key fails the batch
    /// and its callers retry, finding the answer.</summary>
    private const string Claim = """
        INSERT INTO ka_requests (request_id, meter_number, result, issued_at) VALUES (@RequestId, @MeterNumber, @Result, @At)
        """;

    private const string StoredResult = "SELECT result FROM ka_requests WHERE request_id = @RequestId";

    private const string SaveCounters = "UPDATE ka_meters SET last_tid = @LastTid, device_count = @DeviceCount WHERE meter_number = @MeterNumber";

    private static readonly (string Name, DbType Type)[] ClaimParameters =
        [("RequestId", DbType.String), ("MeterNumber", DbType.String), ("Result", DbType.String), ("At", DbType.Int64)];

    private static readonly (string Name, DbType Type)[] CounterParameters =
        [("LastTid", DbType.Int32), ("DeviceCount", DbType.Int32), ("MeterNumber", DbType.String)];

    private readonly DbCommand read;
    private readonly DbCommand claim;
    private readonly DbCommand saveCounters;
    private readonly DbCommand issue;

    private IssuanceStatements(DbConnection connection, bool keepOpen)
    {
        (Connection, KeepOpen) = (connection, keepOpen);
        read = Command(SelectMeter + ";\n" + StoredResult, ("MeterNumber", DbType.String), ("RequestId", DbType.String));
        claim = Command(Claim, ClaimParameters);
        saveCounters = Command(SaveCounters, CounterParameters);
        AppendAudit = Command(AuditTail.Insert, AuditTail.InsertParameters);
        // The three share the request id, the meter number and the time: one parameter each.
        issue = Command(string.Join(";\n", Claim, SaveCounters, AuditTail.Insert),
            [.. ClaimParameters.Concat(CounterParameters).Concat(AuditTail.InsertParameters).DistinctBy(p => p.Name)]);
    }

    public DbConnection Connection { get; }

    /// <summary>Whether the writer keeps this connection for its next batch (SQLite: the process is the only writer).</summary>
    public bool KeepOpen { get; }

    /// <summary>The audit entry's insert, for <see cref="AuditTail"/>.</summary>
    public DbCommand AppendAudit { get; }

    private IEnumerable<DbCommand> All => [read, claim, saveCounters, AppendAudit, issue];

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

    /// <summary>The meter with its pending key change ((null, null) for an unknown meter), and the answer stored for the request id
    /// if it was issued before: one command.</summary>
    public async Task<(MeterRow? Meter, PendingKeyChange? Change, string? Stored)> ReadAsync(string meterNumber, string requestId, CancellationToken cancellationToken)
    {
        (read.Parameters[0].Value, read.Parameters[1].Value) = (meterNumber, requestId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        (MeterRow?, PendingKeyChange?) found = (null, null);
        if (await reader.ReadAsync(cancellationToken))
        {
            var split = reader.GetOrdinal("rollover");
            found = (reader.GetRowParser<MeterRow>(startIndex: 0, length: split)(reader),
                reader.GetRowParser<PendingKeyChange?>(startIndex: split, returnNullIfFirstMissing: true)(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        var stored = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : null;
        return (found.Item1, found.Item2, stored);
    }

    /// <summary>Claims the request id with its answer (see <see cref="Claim"/>).</summary>
    public Task ClaimAsync(string requestId, string meterNumber, string result, long at, CancellationToken cancellationToken) =>
        Run(claim, cancellationToken, requestId, meterNumber, result, at);

    public Task SaveCountersAsync(MeterRow meter, CancellationToken cancellationToken) =>
        Run(saveCounters, cancellationToken, meter.LastTid, meter.DeviceCount, meter.MeterNumber);

    /// <summary>The common case in one command (one round trip on PostgreSQL): claims the request id with its answer, saves the meter's
    /// counters and appends the one token's audit entry, linked by <paramref name="tail"/>. The claim's request id, meter and time are
    /// the entry's.</summary>
    public Task IssueOneAsync(string result, MeterRow meter, AuditEntry entry, AuditTail tail, CancellationToken cancellationToken)
    {
        var values = AuditTail.Values(entry, tail.Link(entry));
        for (var i = 0; i < values.Length; i++)
        {
            issue.Parameters[AuditTail.InsertParameters[i].Name].Value = values[i] ?? DBNull.Value;
        }

        (issue.Parameters["Result"].Value, issue.Parameters["LastTid"].Value, issue.Parameters["DeviceCount"].Value) =
            (result, (object?)meter.LastTid ?? DBNull.Value, meter.DeviceCount);
        return issue.ExecuteNonQueryAsync(cancellationToken);
    }

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
