using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Keys;

namespace SmsVending.KeyAuthority.Meters;

/// <summary>A meter's key record as stored (ka_meters); read under a row lock when tokens are issued.</summary>
internal sealed class MeterRow
{
    public const string Columns = """
        meter_number, profile, supply_group_code, tariff_index, key_revision, key_type, key_expiry, base_date, dkga, ea,
        credit_kind, last_tid, starting_code, device_count, time_divider, restricted, sealed_device_key,
        credential_hash, failed_attempts, locked_until, registered_at
        """;

    public string MeterNumber { get; set; } = "";
    public TokenProfile Profile { get; set; }
    public int SupplyGroupCode { get; set; }
    public int TariffIndex { get; set; }
    public int KeyRevision { get; set; }
    public KeyType KeyType { get; set; }
    public int KeyExpiry { get; set; }
    public BaseDate BaseDate { get; set; }
    public int Dkga { get; set; }
    public EncryptionAlgorithm Ea { get; set; }
    public CreditKind CreditKind { get; set; }
    public int? LastTid { get; set; }
    public int StartingCode { get; set; }
    public int DeviceCount { get; set; }
    public int TimeDivider { get; set; }
    public int Restricted { get; set; }
    public byte[]? SealedDeviceKey { get; set; }
    public string? CredentialHash { get; set; }
    public int FailedAttempts { get; set; }
    public long? LockedUntil { get; set; }
    public long RegisteredAt { get; set; }

    public VendingKeyId VendingKey => new(SupplyGroupCode, KeyRevision, KeyType, Dkga);

    public KeyIdentity Identity => new(
        Contracts.Tokens.Sts.MeterNumber.Parse(MeterNumber), SupplyGroupCode, TariffIndex, KeyRevision, KeyType, BaseDate, Ea);

    /// <summary>The meter's STS decoder key under its vending key, by the meter's DKGA.</summary>
    public DecoderKey DecoderKey(byte[] vendingKey) =>
        Dkga == 2 ? DecoderKeyGeneration.Dkga02(vendingKey, Identity) : DecoderKeyGeneration.Dkga04(vendingKey, Identity);

    public string DeviceKeyRecordId => DeviceKeyRecord(MeterNumber);

    public static string DeviceKeyRecord(string meterNumber) => "opaygo:" + meterNumber;
}
