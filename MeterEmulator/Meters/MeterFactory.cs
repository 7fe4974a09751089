using SmsVending.Contracts.KeyAuthority;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>What the meter factory makes from the manufacturing export: an emulated STS meter loaded with its decoder key and attributes,
/// and with a new IR identity key (registered by `ir enrol`).</summary>
public static class MeterFactory
{
    /// <summary>A new meter with nothing credited.</summary>
    public static StsMeterState Build(MeterKeyExported key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new StsMeterState
        {
            MeterNumber = key.MeterNumber, DecoderKey = key.KeyHex, Algorithm = key.Algorithm, SupplyGroupCode = key.SupplyGroupCode, TariffIndex = key.TariffIndex,
            KeyRevision = key.KeyRevision, KeyType = key.KeyType, KeyExpiryNumber = key.KeyExpiry, BaseDate = key.BaseDate,
            IrIdentityKey = Ir.IrEnrolment.NewIdentityKey(),
        };
    }
}
