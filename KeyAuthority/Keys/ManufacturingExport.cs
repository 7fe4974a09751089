using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Keys;

/// <summary>The one way key material leaves the KeyAuthority: a meter's key for the factory that builds the meter.</summary>
internal sealed class ManufacturingExport(KeyAuthorityDatabase database, MeterStore meters, VendingKeyStore keys, KeySealer sealer,
    KeyAuthorityOptions options, ILogger<ManufacturingExport> log)
{
    public const string Role = "manufacturing";

    /// <summary>The key, or the reason it is not given.</summary>
    public async Task<(MeterKeyExported? Key, MeterKeyExportRefused? Refusal)> ExportAsync(ExportMeterKey request, CancellationToken cancellationToken = default)
    {
        var meterNumber = request.MeterNumber.Trim();
        if (!options.ManufacturingExport)
        {
            return (null, new(meterNumber, "the manufacturing export is turned off in this KeyAuthority's configuration", RefusalKind.Forbidden));
        }

        if (request.RequesterRole != Role)
        {
            return (null, new(meterNumber, $"only the {Role} role may export meter keys", RefusalKind.Forbidden));
        }

        var meter = await meters.FindAsync(meterNumber, cancellationToken);
        if (meter is null)
        {
            var unknown = MeterReference.Unknown(meterNumber);
            return (null, new(meterNumber, unknown.Message, unknown.Kind));
        }

        log.LogWarning("Manufacturing export of meter {Meter}'s key for {Requester}", meter.MeterNumber, request.Requester);
        return (meter.Profile == TokenProfile.OpenPaygo
            ? new MeterKeyExported
            {
                MeterNumber = meter.MeterNumber, Profile = meter.Profile, StartingCode = meter.StartingCode, DeviceCount = meter.DeviceCount,
                TimeDivider = meter.TimeDivider, Restricted = meter.Restricted == 1,
                KeyHex = Convert.ToHexString(sealer.Open(meter.SealedDeviceKey!, meter.DeviceKeyRecordId)),
            }
            : await StsAsync(meter, cancellationToken), null);
    }

    private async Task<MeterKeyExported> StsAsync(MeterRow meter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var vendingKey = await keys.OpenAsync(connection, null, meter.VendingKey, cancellationToken);
        if (vendingKey is null)
        {
            // The meter's record names a key the store lacks: the key store is damaged, a fault for operators, not a refusal.
            throw new InvalidOperationException($"the key store has no vending key for {meter.VendingKey}");
        }

        var decoderKey = meter.DecoderKey(vendingKey);
        CryptographicOperations.ZeroMemory(vendingKey);
        return new MeterKeyExported
        {
            MeterNumber = meter.MeterNumber, Profile = meter.Profile, KeyHex = decoderKey.ToHex(), Algorithm = meter.Ea, BaseDate = meter.BaseDate,
            SupplyGroupCode = meter.SupplyGroupCode, TariffIndex = meter.TariffIndex, KeyRevision = meter.KeyRevision, KeyType = meter.KeyType,
            KeyExpiry = meter.KeyExpiry,
        };
    }
}
