using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.KeyAuthority;

/// <summary>The manufacturing export: asks for a meter's decoder key so a meter factory can load it.</summary>
/// <param name="MeterNumber">The meter or device.</param>
/// <param name="Requester">Who asks, for the log.</param>
/// <param name="RequesterRole">Only "manufacturing" may export.</param>
public sealed record ExportMeterKey(string MeterNumber, string Requester, string RequesterRole);

/// <summary>A meter's key and the attributes a factory loads with it.</summary>
public sealed record MeterKeyExported
{
    /// <summary>The meter or device.</summary>
    public required string MeterNumber { get; init; }

    /// <summary>STS or OpenPAYGO.</summary>
    public required TokenProfile Profile { get; init; }

    /// <summary>STS: the decoder key; OpenPAYGO: the device key (hex).</summary>
    public required string KeyHex { get; init; }

    /// <summary>STS: encryption algorithm.</summary>
    public EncryptionAlgorithm Algorithm { get; init; }

    /// <summary>STS: base date.</summary>
    public BaseDate BaseDate { get; init; }

    /// <summary>STS: supply group code.</summary>
    public int SupplyGroupCode { get; init; }

    /// <summary>STS: tariff index.</summary>
    public int TariffIndex { get; init; }

    /// <summary>STS: key revision number.</summary>
    public int KeyRevision { get; init; }

    /// <summary>STS: key type.</summary>
    public KeyType KeyType { get; init; }

    /// <summary>STS: key expiry number.</summary>
    public int KeyExpiry { get; init; }

    /// <summary>OpenPAYGO: starting code.</summary>
    public int StartingCode { get; init; }

    /// <summary>OpenPAYGO: the device's count.</summary>
    public int DeviceCount { get; init; }

    /// <summary>OpenPAYGO: time divider.</summary>
    public int TimeDivider { get; init; }

    /// <summary>OpenPAYGO: restricted digit mode.</summary>
    public bool Restricted { get; init; }
}

/// <summary>The export was refused (turned off, wrong role, unknown meter).</summary>
/// <param name="MeterNumber">The meter or device asked for.</param>
/// <param name="Reason">Why, in words an operator can act on.</param>
/// <param name="Kind">Forbidden (turned off, wrong role), not found, or invalid (a mistyped meter number).</param>
public sealed record MeterKeyExportRefused(string MeterNumber, string Reason, RefusalKind Kind = RefusalKind.Forbidden);
