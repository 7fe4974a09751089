using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.KeyAuthority;

/// <summary>Which token family a meter takes.</summary>
public enum TokenProfile
{
    /// <summary>20-digit STS tokens.</summary>
    Sts = 0,

    /// <summary>OpenPAYGO tokens.</summary>
    OpenPaygo = 1,
}

/// <summary>Registers a meter's key record with the KeyAuthority (one by one, or a row of a CSV import).</summary>
public sealed record RegisterMeterKey
{
    /// <summary>The STS meter number, or the OpenPAYGO device's serial number.</summary>
    public required string MeterNumber { get; init; }

    /// <summary>STS or OpenPAYGO.</summary>
    public TokenProfile Profile { get; init; } = TokenProfile.Sts;

    /// <summary>STS: supply group code.</summary>
    public int SupplyGroupCode { get; init; }

    /// <summary>STS: tariff index.</summary>
    public int TariffIndex { get; init; }

    /// <summary>STS: key revision number.</summary>
    public int KeyRevision { get; init; } = 1;

    /// <summary>STS: key type.</summary>
    public KeyType KeyType { get; init; } = KeyType.Unique;

    /// <summary>STS: key expiry number; 255 never expires.</summary>
    public int KeyExpiry { get; init; } = 255;

    /// <summary>STS: the base date the meter counts TIDs from.</summary>
    public BaseDate BaseDate { get; init; } = BaseDate.Year2014;

    /// <summary>STS: 2 (DKGA02) or 4 (DKGA04).</summary>
    public int Dkga { get; init; } = 2;

    /// <summary>STS: the encryption algorithm.</summary>
    public EncryptionAlgorithm Algorithm { get; init; } = EncryptionAlgorithm.Ea07;

    /// <summary>STS: what a credit token transfers.</summary>
    public CreditKind CreditKind { get; init; } = CreditKind.Electricity;

    /// <summary>OpenPAYGO: starting code.</summary>
    public int StartingCode { get; init; }

    /// <summary>OpenPAYGO: the device's count so far.</summary>
    public int DeviceCount { get; init; }

    /// <summary>OpenPAYGO: time divider.</summary>
    public int TimeDivider { get; init; } = 1;

    /// <summary>OpenPAYGO: restricted digit mode.</summary>
    public bool Restricted { get; init; }

    /// <summary>OpenPAYGO: the device key, 32 hex digits (sealed on arrival).</summary>
    public string? DeviceKey { get; init; }

    /// <summary>The account's registration code (hashed on arrival), if it has one.</summary>
    public string? RegistrationCode { get; init; }
}
