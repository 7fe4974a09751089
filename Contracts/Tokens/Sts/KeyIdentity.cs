using System.Globalization;

namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>Everything besides the vending key that goes into a meter's decoder key.</summary>
public sealed record KeyIdentity
{
    /// <summary>Checks every field's range so a bad attribute cannot silently make a wrong key.</summary>
    public KeyIdentity(MeterNumber meter, int supplyGroupCode, int tariffIndex, int keyRevision, KeyType keyType,
        BaseDate baseDate = BaseDate.Year1993, EncryptionAlgorithm algorithm = EncryptionAlgorithm.Ea07)
    {
        if (meter.Digits is null)
        {
            throw new ArgumentException("a meter number is required", nameof(meter));
        }

        Meter = meter;
        SupplyGroupCode = InRange(supplyGroupCode, 0, 999_999, "supply group code (SGC) has 6 digits", nameof(supplyGroupCode));
        TariffIndex = InRange(tariffIndex, 0, 99, "tariff index (TI) has 2 digits", nameof(tariffIndex));
        KeyRevision = InRange(keyRevision, 1, 9, "key revision number (KRN) is 1..9", nameof(keyRevision));
        KeyType = Enum.IsDefined(keyType) ? keyType : throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "key type (KT) is 0..3");
        _ = TokenIdentifier.Start(baseDate);
        BaseDate = baseDate;
        Algorithm = algorithm is EncryptionAlgorithm.Ea07 or EncryptionAlgorithm.Ea11
            ? algorithm
            : throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "encryption algorithm is 07 or 11");
    }

    /// <summary>The meter the key belongs to.</summary>
    public MeterNumber Meter { get; }

    /// <summary>SGC, six decimal digits.</summary>
    public int SupplyGroupCode { get; }

    /// <summary>TI, two decimal digits.</summary>
    public int TariffIndex { get; }

    /// <summary>KRN.</summary>
    public int KeyRevision { get; }

    /// <summary>KT.</summary>
    public KeyType KeyType { get; }

    /// <summary>The base date the meter's TIDs count from.</summary>
    public BaseDate BaseDate { get; }

    /// <summary>The encryption algorithm, which also fixes the decoder key length.</summary>
    public EncryptionAlgorithm Algorithm { get; }

    internal string SgcDigits => SupplyGroupCode.ToString("D6", CultureInfo.InvariantCulture);

    internal string TiDigits => TariffIndex.ToString("D2", CultureInfo.InvariantCulture);

    internal char KrnHex => "0123456789ABCDEF"[KeyRevision];

    internal char KtHex => (char)('0' + (int)KeyType);

    private static int InRange(int value, int min, int max, string rule, string name) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, rule);
}
