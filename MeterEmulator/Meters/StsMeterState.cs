using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>Everything an emulated STS meter keeps, as a plain record that is stored as JSON.</summary>
/// <remarks>Collections are arrays so the record stays serialisable; treat the state as immutable and use <c>with</c>.</remarks>
public sealed record StsMeterState
{
    /// <summary>The default number of TIDs remembered (the spec's minimum).</summary>
    public const int DefaultTidMemory = 50;

    /// <summary>The meter number (DRN) printed on the meter.</summary>
    public required string MeterNumber { get; init; }

    /// <summary>The decoder key, 16 (EA07) or 32 (EA11) hex digits, big-endian.</summary>
    public required string DecoderKey { get; init; }

    /// <summary>The encryption algorithm the decoder key is used with.</summary>
    public EncryptionAlgorithm Algorithm { get; init; } = EncryptionAlgorithm.Ea07;

    /// <summary>SGC.</summary>
    public int SupplyGroupCode { get; init; }

    /// <summary>TI.</summary>
    public int TariffIndex { get; init; }

    /// <summary>KRN.</summary>
    public int KeyRevision { get; init; } = 1;

    /// <summary>KT.</summary>
    public KeyType KeyType { get; init; } = KeyType.Unique;

    /// <summary>KEN: tokens whose TID bits 23..16 exceed it are expired; 0xFF never expires.</summary>
    public int KeyExpiryNumber { get; init; } = 0xFF;

    /// <summary>The base date the TIDs count from.</summary>
    public BaseDate BaseDate { get; init; } = BaseDate.Year1993;

    /// <summary>How the decoder key was made ("02", "04"), or null when it was given directly; informational.</summary>
    public string? Dkga { get; init; }

    /// <summary>The manufacturer code class 1 test tokens must carry (the meter number's leading 2 or 4 digits by default).</summary>
    public int ManufacturerCode { get; init; }

    /// <summary>What the credit register counts; credit tokens of another kind are a function error.</summary>
    public CreditKind Kind { get; init; } = CreditKind.Electricity;

    /// <summary>How many TIDs the meter remembers (at least 1).</summary>
    public int TidMemorySize { get; init; } = DefaultTidMemory;

    /// <summary>The remembered TIDs, ascending; the first is the oldest.</summary>
    public int[] Tids { get; init; } = [];

    /// <summary>The credit register, in units of <see cref="Kind"/>.</summary>
    public decimal Credit { get; init; }

    /// <summary>Simulated consumption in units per hour; null or 0 for none.</summary>
    public decimal? RatePerHour { get; init; }

    /// <summary>The instant consumption was last worked out up to; null before the first.</summary>
    public DateTimeOffset? ConsumedUntil { get; init; }

    /// <summary>Key change sections held until the set is complete (decrypted under the current key).</summary>
    public KeyChangeSection[] PendingKeyChange { get; init; } = [];

    /// <summary>Invalid entries in a row since the last good one.</summary>
    public int FailureCount { get; init; }

    /// <summary>The keypad reads nothing before this instant.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>The last maximum power limit set by token, in watts.</summary>
    public decimal? MaxPowerWatts { get; init; }

    /// <summary>The last phase power unbalance limit set by token, in watts.</summary>
    public decimal? PhaseUnbalanceWatts { get; init; }

    /// <summary>The last tariff rate set by token (raw field).</summary>
    public int? TariffRate { get; init; }

    /// <summary>The last water meter factor set by token (raw field).</summary>
    public int? WaterMeterFactor { get; init; }

    /// <summary>Whether the tamper condition is set; a clear-tamper token clears it.</summary>
    public bool Tampered { get; init; }

    /// <summary>The result of the last entry, as the display shows it.</summary>
    public MeterResult? LastResult { get; init; }

    /// <summary>The meter's Ed25519 identity key for IR sessions (the 32-byte seed in hex), made at manufacture; never shown.</summary>
    public string? IrIdentityKey { get; init; }

    /// <summary>The sales host's Ed25519 public key (hex) the meter trusts, loaded by the factory when it registered the meter's key.</summary>
    public string? IrHostKey { get; init; }
}
