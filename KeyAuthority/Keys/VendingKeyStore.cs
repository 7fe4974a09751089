using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Keys;

/// <summary>Vending keys per supply group, sealed at rest; only their names ever leave this class.</summary>
public sealed class VendingKeyStore(KeyAuthorityDatabase database, KeySealer sealer, TimeProvider clock)
{
    /// <summary>A vending key's name and where it came from (no key material).</summary>
    public sealed record Listing(VendingKeyId Id, string Origin, DateTimeOffset CreatedAt);

    /// <summary>Creates a key from the CSPRNG.</summary>
    public Task GenerateAsync(VendingKeyId id, CancellationToken cancellationToken = default) =>
        AddAsync(id, RandomNumberGenerator.GetBytes(id.Validated().KeyLength), "generated", cancellationToken);

    /// <summary>Stores a key handed over by a key management centre; the array is wiped once sealed.</summary>
    public Task ImportAsync(VendingKeyId id, byte[] key, CancellationToken cancellationToken = default) =>
        key.Length == id.Validated().KeyLength
            ? AddAsync(id, key, "imported", cancellationToken)
            : throw new ArgumentException($"a DKGA{id.Dkga:D2} vending key has {id.KeyLength * 2} hex digits");

    /// <summary>Every key's name, without the keys.</summary>
    public async Task<IReadOnlyList<Listing>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT supply_group_code, key_revision, key_type, dkga, origin, created_at
            FROM ka_vending_keys ORDER BY supply_group_code, key_revision, key_type, dkga
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int Sgc, int Krn, int Kt, int Dkga, string Origin, long CreatedAt)>(
            new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Listing(new VendingKeyId(r.Sgc, r.Krn, (Contracts.Tokens.Sts.KeyType)r.Kt, r.Dkga), r.Origin,
            DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt)))];
    }

    /// <summary>The opened key, or null when the store has none of that name.</summary>
    internal async Task<byte[]?> OpenAsync(DbConnection connection, DbTransaction? transaction, VendingKeyId id, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT sealed_key FROM ka_vending_keys
            WHERE supply_group_code = @SupplyGroupCode AND key_revision = @KeyRevision AND key_type = @KeyType AND dkga = @Dkga
            """;
        var sealedKey = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            Sql, new { id.SupplyGroupCode, id.KeyRevision, KeyType = (int)id.KeyType, id.Dkga }, transaction, cancellationToken: cancellationToken));
        return sealedKey is null ? null : sealer.Open(sealedKey, id.RecordId);
    }

    private async Task AddAsync(VendingKeyId id, byte[] key, string origin, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO ka_vending_keys (supply_group_code, key_revision, key_type, dkga, sealed_key, origin, created_at)
            VALUES (@SupplyGroupCode, @KeyRevision, @KeyType, @Dkga, @SealedKey, @Origin, @CreatedAt)
            """;
        var sealedKey = sealer.Seal(key, id.RecordId);
        CryptographicOperations.ZeroMemory(key);
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id.SupplyGroupCode, id.KeyRevision, KeyType = (int)id.KeyType, id.Dkga, SealedKey = sealedKey, Origin = origin,
                CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken: cancellationToken));
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            throw new InvalidOperationException($"the store already holds a vending key for {id}; keys are never replaced", e);
        }
    }
}
