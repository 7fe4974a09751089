using Dapper;
using SmsVending.KeyAuthority.Ir;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Keys;

/// <summary>Re-seals every stored key under a new master key in one transaction: all or nothing.</summary>
internal static class KeyResealer
{
    /// <summary>A sealed column: its table, the columns that name a row, and the record identity its sealing is bound to.</summary>
    private sealed record SealedColumn(string Table, string Column, string[] Keys, Func<IDictionary<string, object>, string> RecordId);

    private static readonly SealedColumn[] Columns =
    [
        new("ka_vending_keys", "sealed_key", ["supply_group_code", "key_revision", "key_type", "dkga"], r => new VendingKeyId(Int(r, "supply_group_code"),
            Int(r, "key_revision"), (Contracts.Tokens.Sts.KeyType)Int(r, "key_type"), Int(r, "dkga")).RecordId),
        new("ka_meters", "sealed_device_key", ["meter_number"], r => MeterRow.DeviceKeyRecord((string)r["meter_number"])),
        new("ka_host_keys", "sealed_key", ["name"], r => HostIdentity.RecordId((string)r["name"])),
        new("ka_ir_sessions", "sealed_keys", ["session_id"], r => IrSessionRow.KeysRecord((string)r["session_id"])),
        new("ka_ir_sessions", "sealed_request", ["session_id"], r => IrSessionRow.RequestRecord((string)r["session_id"])),
    ];

    /// <summary>Returns how many keys were re-sealed.</summary>
    public static async Task<int> ResealAsync(KeyAuthorityDatabase database, KeySealer current, KeySealer next, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var count = 0;
        foreach (var sealedColumn in Columns)
        {
            var (table, column, keys) = (sealedColumn.Table, sealedColumn.Column, sealedColumn.Keys);
            var rows = await connection.QueryAsync(new CommandDefinition($"SELECT {string.Join(", ", keys)}, {column} AS sealed FROM {table} WHERE {column} IS NOT NULL",
                transaction: transaction, cancellationToken: cancellationToken));
            var update = $"UPDATE {table} SET {column} = @resealed WHERE {string.Join(" AND ", keys.Select(k => $"{k} = @{k}"))}";
            foreach (IDictionary<string, object> row in rows.ToList())
            {
                var recordId = sealedColumn.RecordId(row);
                var parameters = new DynamicParameters();
                foreach (var key in keys)
                {
                    parameters.Add(key, row[key]);
                }

                parameters.Add("resealed", next.Seal(current.Open((byte[])row["sealed"], recordId), recordId));
                await connection.ExecuteAsync(new CommandDefinition(update, parameters, transaction, cancellationToken: cancellationToken));
                count++;
            }
        }

        await connection.ExecuteAsync(new CommandDefinition("UPDATE ka_master_check SET sealed = @Sealed WHERE id = 1",
            new { Sealed = MasterKeyCheck.SealedWith(next) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private static int Int(IDictionary<string, object> row, string column) => Convert.ToInt32(row[column], System.Globalization.CultureInfo.InvariantCulture);
}
