using Dapper;
using NSec.Cryptography;
using SmsVending.Contracts.Ir;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Ir;

/// <summary>The sales host's Ed25519 identity key, which meters trust: made once from the CSPRNG, sealed under the master key like the
/// vending keys, opened once per process.</summary>
/// <remarks>Several instances starting together each offer a new key; the first insert wins and all of them use the stored one.</remarks>
public sealed class HostIdentity(KeyAuthorityDatabase database, KeySealer sealer, TimeProvider clock) : IDisposable
{
    /// <summary>The key's name in ka_host_keys.</summary>
    public const string Name = "ir-host";

    private readonly SemaphoreSlim gate = new(1, 1);
    private Key? key;

    /// <summary>The sealed record's identity (the associated data of its sealing).</summary>
    public static string RecordId(string name) => "host-key:" + name;

    /// <summary>The private key, for signing frames 2 and 4.</summary>
    public async Task<Key> KeyAsync(CancellationToken cancellationToken = default)
    {
        if (key is { } loaded)
        {
            return loaded;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return key ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The public key meters are loaded with, in hex.</summary>
    public async Task<string> PublicKeyHexAsync(CancellationToken cancellationToken = default) =>
        Convert.ToHexStringLower(IrIdentity.PublicKeyOf(await KeyAsync(cancellationToken)));

    private async Task<Key> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        const string Insert = """
            INSERT INTO ka_host_keys (name, sealed_key, public_key, created_at) VALUES (@Name, @SealedKey, @PublicKey, @CreatedAt)
            ON CONFLICT (name) DO NOTHING
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        using (var fresh = IrIdentity.Create())
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert, new
            {
                Name, SealedKey = sealer.Seal(IrIdentity.Export(fresh), RecordId(Name)), PublicKey = IrIdentity.PublicKeyOf(fresh),
                CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken: cancellationToken));
        }

        var sealedKey = await connection.QuerySingleAsync<byte[]>(new CommandDefinition("SELECT sealed_key FROM ka_host_keys WHERE name = @Name", new { Name },
            cancellationToken: cancellationToken));
        return IrIdentity.Import(sealer.Open(sealedKey, RecordId(Name)));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        key?.Dispose();
        gate.Dispose();
    }
}
