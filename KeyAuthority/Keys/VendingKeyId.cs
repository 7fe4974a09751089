using System.Globalization;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Keys;

/// <summary>Names a supply group's vending key: SGC, KRN, key type and DKGA.</summary>
public readonly record struct VendingKeyId(int SupplyGroupCode, int KeyRevision, KeyType KeyType, int Dkga)
{
    /// <summary>The key's length in bytes: 8 for DKGA02, 20 for DKGA04.</summary>
    public int KeyLength => Dkga == 2 ? 8 : 20;

    /// <summary>The identity sealed keys are bound to.</summary>
    public string RecordId => string.Create(CultureInfo.InvariantCulture, $"vk:{SupplyGroupCode:D6}:{KeyRevision}:{(int)KeyType}:{Dkga:D2}");

    /// <summary>Checks the ranges a vending key's name must respect.</summary>
    public VendingKeyId Validated() =>
        SupplyGroupCode is < 0 or > 999_999 ? throw new ArgumentException("a supply group code has 6 digits")
        : KeyRevision is < 1 or > 9 ? throw new ArgumentException("the key revision number is 1..9")
        : !Enum.IsDefined(KeyType) ? throw new ArgumentException("the key type is 0..3")
        : Dkga is not (2 or 4) ? throw new ArgumentException("DKGA is 02 or 04")
        : this;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SGC {SupplyGroupCode:D6} KRN {KeyRevision} KT {(int)KeyType} DKGA{Dkga:D2}");
}
