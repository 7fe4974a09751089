using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.KeyChanges;

/// <summary>What a scheduled key change moves a meter to; null keeps the meter's current value.</summary>
public sealed record KeyChangePlan(
    int? SupplyGroupCode = null,
    int? TariffIndex = null,
    int? KeyRevision = null,
    KeyType? KeyType = null,
    int? KeyExpiry = null,
    BaseDate? BaseDate = null,
    int? Dkga = null,
    EncryptionAlgorithm? Algorithm = null,
    bool Rollover = false)
{
    /// <summary>Checks each given value's range; a new base date only travels with RO set.</summary>
    public KeyChangePlan Validated()
    {
        string? problem = this switch
        {
            { SupplyGroupCode: < 0 or > 999_999 } => "a supply group code has 6 digits",
            { TariffIndex: < 0 or > 99 } => "a tariff index is 0..99",
            { KeyRevision: < 1 or > 9 } => "a key revision number is 1..9",
            { KeyType: { } kt } when !Enum.IsDefined(kt) => "a key type is 0..3",
            { KeyExpiry: < 0 or > 255 } => "a key expiry number is 0..255",
            { Dkga: not null and not (2 or 4) } => "DKGA is 02 or 04",
            { BaseDate: not null, Rollover: false } => "a new base date is only taken with the rollover bit: set rollover",
            _ => null,
        };
        return problem is null ? this : throw new ArgumentException(problem);
    }
}
