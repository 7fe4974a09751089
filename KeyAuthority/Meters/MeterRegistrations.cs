using SmsVending.Infrastructure.Credentials;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.OpenPaygo;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Credentials;
using SmsVending.KeyAuthority.Keys;

namespace SmsVending.KeyAuthority.Meters;

/// <summary>Checks a registration and turns it into a stored row: device keys sealed, registration codes hashed.</summary>
internal sealed class MeterRegistrations(KeySealer sealer, CredentialHasher hasher)
{
    /// <summary>The row to store; throws <see cref="ArgumentException"/> saying what is wrong.</summary>
    public MeterRow ToRow(RegisterMeterKey registration, DateTimeOffset now)
    {
        var row = registration.Profile switch
        {
            TokenProfile.Sts => Sts(registration),
            TokenProfile.OpenPaygo => OpenPaygo(registration),
            _ => throw new ArgumentException($"unknown token profile {registration.Profile}"),
        };
        row.Profile = registration.Profile;
        row.RegisteredAt = now.ToUnixTimeMilliseconds();
        row.CredentialHash = registration.RegistrationCode is { Length: > 0 } code ? hasher.Hash(code) : null;
        return row;
    }

    private static MeterRow Sts(RegisterMeterKey r)
    {
        if (!Contracts.Tokens.Sts.MeterNumber.TryParse(r.MeterNumber, out var meter, out var error))
        {
            throw new ArgumentException(error);
        }

        // KeyIdentity and VendingKeyId check every attribute's range.
        var identity = new KeyIdentity(meter, r.SupplyGroupCode, r.TariffIndex, r.KeyRevision, r.KeyType, r.BaseDate, r.Algorithm);
        var vendingKey = new VendingKeyId(r.SupplyGroupCode, r.KeyRevision, r.KeyType, r.Dkga).Validated();
        if (vendingKey.Dkga == 2 && identity.Algorithm == EncryptionAlgorithm.Ea11)
        {
            throw new ArgumentException("EA11 needs a 128-bit decoder key, which only DKGA04 makes");
        }

        if (r.KeyExpiry is < 0 or > 255 || !Enum.IsDefined(r.CreditKind))
        {
            throw new ArgumentException(r.KeyExpiry is < 0 or > 255 ? "the key expiry number is 0..255" : "unknown credit kind");
        }

        return new MeterRow
        {
            MeterNumber = meter.Digits, SupplyGroupCode = r.SupplyGroupCode, TariffIndex = r.TariffIndex, KeyRevision = r.KeyRevision,
            KeyType = r.KeyType, KeyExpiry = r.KeyExpiry, BaseDate = r.BaseDate, Dkga = r.Dkga, Ea = r.Algorithm, CreditKind = r.CreditKind,
            TimeDivider = 1,
        };
    }

    private MeterRow OpenPaygo(RegisterMeterKey r)
    {
        if (!MeterReference.TryNormalise(r.MeterNumber, TokenProfile.OpenPaygo, out var serial, out var error))
        {
            throw new ArgumentException(error);
        }

        if (!OpenPaygoKey.TryParse(r.DeviceKey ?? "", out var key))
        {
            throw new ArgumentException("an OpenPAYGO device key is 32 hex digits");
        }

        if (r.StartingCode is < 0 or > 999_999_999 || r.DeviceCount is < 0 or > OpenPaygoEncoder.MaxCount - 2
            || r.TimeDivider is < 1 or > OpenPaygoDays.MaxTimeDivider)
        {
            throw new ArgumentException("the starting code has 9 digits, the count is 0..65533 and the time divider 1..255");
        }

        var row = new MeterRow
        {
            MeterNumber = serial, StartingCode = r.StartingCode, DeviceCount = r.DeviceCount, TimeDivider = r.TimeDivider,
            Restricted = r.Restricted ? 1 : 0, KeyRevision = 1, KeyExpiry = 255, BaseDate = BaseDate.Year2014, Dkga = 2,
            Ea = EncryptionAlgorithm.Ea07,
        };
        row.SealedDeviceKey = sealer.Seal(Convert.FromHexString(key.ToHex()), row.DeviceKeyRecordId);
        return row;
    }
}
