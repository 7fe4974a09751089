using Dapper;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Keys;

/// <summary>Re-seals every stored key under a new master key in one transaction: all or nothing.</summary>
internal static class KeyResealer
{
    /// <summary>Returns how many keys were re-sealed.</summary>
    public static async Task<int> ResealAsync(KeyAuthorityDatabase database, KeySealer current, KeySealer next, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var count = 0;
        var vendingKeys = await connection.QueryAsync<(int Sgc, int Krn, int Kt, int Dkga, byte[] Sealed)>(new CommandDefinition(
            "SELECT supply_group_code, key_revision, key_type, dkga, sealed_key FROM ka_vending_keys", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var k in vendingKeys.ToList())
        {
            var id = new VendingKeyId(k.Sgc, k.Krn, (Contracts.Tokens.Sts.KeyType)k.Kt, k.Dkga);
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE ka_vending_keys SET sealed_key = @Sealed
                WHERE supply_group_code = @Sgc AND key_revision = @Krn AND key_type = @Kt AND dkga = @Dkga
                """, new { Sealed = next.Seal(current.Open(k.Sealed, id.RecordId), id.RecordId), k.Sgc, k.Krn, k.Kt, k.Dkga }, transaction, cancellationToken: cancellationToken));
            count++;
        }

        var devices = await connection.QueryAsync<(string Meter, byte[] Sealed)>(new CommandDefinition(
            "SELECT meter_number, sealed_device_key FROM ka_meters WHERE sealed_device_key IS NOT NULL", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var d in devices.ToList())
        {
            var recordId = MeterRow.DeviceKeyRecord(d.Meter);
            await connection.ExecuteAsync(new CommandDefinition("UPDATE ka_meters SET sealed_device_key = @Sealed WHERE meter_number = @Meter",
                new { Sealed = next.Seal(current.Open(d.Sealed, recordId), recordId), d.Meter }, transaction, cancellationToken: cancellationToken));
            count++;
        }

        await connection.ExecuteAsync(new CommandDefinition("UPDATE ka_master_check SET sealed = @Sealed WHERE id = 1",
            new { Sealed = MasterKeyCheck.SealedWith(next) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
