using System.Data.Common;
using Dapper;
using NSec.Cryptography;
using SmsVending.Contracts.Ir;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Ir;

/// <summary>Meters' Ed25519 public keys, registered with their meter records at manufacture.</summary>
internal sealed class MeterIdentities(KeyAuthorityDatabase database, MeterStore meters, HostIdentity host, TimeProvider clock)
{
    /// <summary>Registers a meter's key; the same key again is accepted, another is refused (a meter's identity is never replaced).</summary>
    public async Task<object> RegisterAsync(RegisterMeterIdentity request, CancellationToken cancellationToken = default)
    {
        var meterNumber = MeterReference.Normalised(request.MeterNumber);
        PublicKey key;
        try
        {
            key = IrIdentity.ParsePublicKey(request.PublicKey);
        }
        catch (ArgumentException e)
        {
            return new MeterIdentityRefused(meterNumber, e.Message);
        }

        if (await meters.FindAsync(meterNumber, cancellationToken) is null)
        {
            var unknown = MeterReference.Unknown(request.MeterNumber);
            return new MeterIdentityRefused(meterNumber, unknown.Message, unknown.Kind);
        }

        var raw = key.Export(KeyBlobFormat.RawPublicKey);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO ka_meter_identities (meter_number, public_key, registered_at) VALUES (@meterNumber, @raw, @at)
            ON CONFLICT (meter_number) DO NOTHING
            """, new { meterNumber, raw, at = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        var stored = await FindAsync(connection, meterNumber, cancellationToken);
        return stored is not null && stored.AsSpan().SequenceEqual(raw)
            ? new MeterIdentityRegistered(meterNumber, Convert.ToHexStringLower(raw), await host.PublicKeyHexAsync(cancellationToken))
            : new MeterIdentityRefused(meterNumber, $"meter {meterNumber} has another identity key already; a meter's identity is never replaced", RefusalKind.Conflict);
    }

    /// <summary>The meter's public key, or null when it has none.</summary>
    public async Task<PublicKey?> FindAsync(string meterNumber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, meterNumber, cancellationToken) is { } raw ? IrIdentity.ImportPublicKey(raw) : null;
    }

    private static Task<byte[]?> FindAsync(DbConnection connection, string meterNumber, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition("SELECT public_key FROM ka_meter_identities WHERE meter_number = @meterNumber",
            new { meterNumber }, cancellationToken: cancellationToken));
}
