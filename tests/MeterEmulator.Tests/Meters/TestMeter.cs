using SmsVending.Contracts.Tokens.Sts;
using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Tests.Meters;

/// <summary>The meter of sts.md §6 example 2 (DK E653341F9D5BF36F) and an encoder under its key.</summary>
internal static class TestMeter
{
    public static readonly DecoderKey Key = DecoderKey.FromHex("E653341F9D5BF36F");
    public static readonly DecoderKey NewKey = DecoderKey.FromHex("060B8643C59A27F1");
    public static readonly DateTimeOffset Example2Time = new(2004, 3, 1, 13, 55, 0, TimeSpan.Zero);
    public static readonly TokenEncoder Encoder = new(Key, EncryptionAlgorithm.Ea07);

    public static StsMeterState State() => new()
    {
        MeterNumber = "00000000000",
        DecoderKey = Key.ToHex(),
        SupplyGroupCode = 123456,
        TariffIndex = 1,
        KeyRevision = 1,
        KeyType = KeyType.Unique,
    };

    public static string Credit(decimal units, int tid, int rnd = 5, CreditKind kind = CreditKind.Electricity) =>
        Encoder.Credit(kind, TokenAmount.Encode(TokenAmount.TenthsOf(units)), tid, rnd).ToString();

    public static int Tid(DateTimeOffset at) => TokenIdentifier.FromTime(at, BaseDate.Year1993);

    /// <summary>Enters tokens one after another at one instant and returns the last entry.</summary>
    public static MeterEntry EnterAll(StsMeterState state, DateTimeOffset at, params string[] tokens)
    {
        MeterEntry? entry = null;
        foreach (var token in tokens)
        {
            entry = StsMeter.Enter(entry?.State ?? state, token, at);
        }

        return entry!;
    }
}
