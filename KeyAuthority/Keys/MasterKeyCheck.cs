using System.Text;
using Dapper;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Keys;

/// <summary>Proves at start that the master key opens this store, so a wrong key fails loudly before any request.</summary>
internal static class MasterKeyCheck
{
    private const string RecordId = "master-check";
    private static readonly byte[] Known = Encoding.ASCII.GetBytes("smsvending key authority");

    public static async Task EnsureAsync(KeyAuthorityDatabase database, KeySealer sealer, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sealedCheck = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT sealed FROM ka_master_check WHERE id = 1", cancellationToken: cancellationToken));
        if (sealedCheck is null)
        {
            await connection.ExecuteAsync(new CommandDefinition("INSERT INTO ka_master_check (id, sealed) VALUES (1, @Sealed)",
                new { Sealed = sealer.Seal(Known, RecordId) }, cancellationToken: cancellationToken));
            return;
        }

        try
        {
            sealer.Open(sealedCheck, RecordId);
        }
        catch (SealedKeyException e)
        {
            throw new SealedKeyException($"the master key does not open this key store ({e.Message})");
        }
    }

    /// <summary>The check value sealed under another master key (for a reseal).</summary>
    public static byte[] SealedWith(KeySealer sealer) => sealer.Seal(Known, RecordId);
}
