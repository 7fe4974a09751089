using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>What `meter show` prints: the meter's state without its decoder key.</summary>
internal sealed record MeterView(
    string MeterNumber, EncryptionAlgorithm Algorithm, int SupplyGroupCode, int TariffIndex, int KeyRevision, KeyType KeyType,
    int KeyExpiryNumber, int BaseDate, CreditKind Kind, decimal Credit, decimal? RatePerHour, DateTimeOffset? ConsumedUntil,
    int TidCount, int TidMemorySize, int? LastTid, int PendingKeyChangeSections, int FailureCount, DateTimeOffset? LockedUntil,
    decimal? MaxPowerWatts, bool Tampered, MeterResult? LastResult)
{
    public static MeterView Of(StsMeterState s) => new(
        s.MeterNumber, s.Algorithm, s.SupplyGroupCode, s.TariffIndex, s.KeyRevision, s.KeyType, s.KeyExpiryNumber, (int)s.BaseDate,
        s.Kind, s.Credit, s.RatePerHour, s.ConsumedUntil, s.Tids.Length, s.TidMemorySize, s.Tids.Length > 0 ? s.Tids[^1] : null,
        s.PendingKeyChange.Length, s.FailureCount, s.LockedUntil, s.MaxPowerWatts, s.Tampered, s.LastResult);

    public string ToText() => string.Join(Environment.NewLine,
        $"meter {MeterNumber}: {Algorithm}, SGC {SupplyGroupCode:D6}, TI {TariffIndex:D2}, KRN {KeyRevision}, KT {(int)KeyType}, KEN {KeyExpiryNumber}, base {BaseDate}",
        $"credit {MeterCommands.Units(Credit)} ({Kind}){(RatePerHour is { } rate ? $", using {MeterCommands.Units(rate)}/h" : "")}",
        $"TIDs remembered {TidCount} of {TidMemorySize}{(LastTid is { } tid ? $", newest {tid}" : "")}; key change sections held {PendingKeyChangeSections}",
        $"invalid entries {FailureCount}{(LockedUntil is { } until ? $", locked until {until:O}" : "")}; last result {LastResult?.ToString() ?? "none"}");
}
