using SmsVending.Contracts.Tokens.Sts;
using SmsVending.MeterEmulator.Meters;
using static SmsVending.MeterEmulator.Tests.Meters.TestMeter;

namespace SmsVending.MeterEmulator.Tests.Meters;

public sealed class StsMeterKeyChangeTests
{
    private const string Section1 = "51638423060042734509"; // sts.md §6 example 3: TI 01 → TI 02
    private const string Section2 = "15361891762113502242";
    private static readonly DateTimeOffset Now = new(2020, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Section1, Section2)]
    [InlineData(Section2, Section1)]
    public void Enter_BothSectionsInEitherOrder_NewKeyTakesEffect(string first, string second)
    {
        var held = StsMeter.Enter(State(), first, Now);
        var done = StsMeter.Enter(held.State, second, Now);

        Assert.Equal(MeterResult.Kct1Accepted, held.Result);
        Assert.Single(held.State.PendingKeyChange);
        Assert.Equal(MeterResult.Kct2Accepted, done.Result);
        Assert.Equal(NewKey.ToHex(), done.State.DecoderKey);
        Assert.Equal(2, done.State.TariffIndex);
        Assert.Equal(0xFF, done.State.KeyExpiryNumber);
        Assert.Empty(done.State.PendingKeyChange);
    }

    [Fact]
    public void Enter_AfterKeyChange_OldKeyTokensAreCrcErrorsAndNewKeyTokensAccepted()
    {
        var changed = EnterAll(State(), Now, Section1, Section2).State;
        var newEncoder = new TokenEncoder(NewKey, EncryptionAlgorithm.Ea07);
        var fresh = newEncoder.Credit(CreditKind.Electricity, TokenAmount.Encode(50), Tid(Now), 3).ToString();

        Assert.Equal(MeterResult.CrcError, StsMeter.Enter(changed, Credit(5m, Tid(Now)), Now).Result);
        Assert.Equal(MeterResult.Accept, StsMeter.Enter(changed, fresh, Now).Result);
    }

    [Fact]
    public void Enter_KeyChangeWithKen_SetsKeyExpiryNumber()
    {
        var sections = Encoder.KeyChange(new KeyChangeOrder(NewKey, 2, KeyType.Unique, 1, KeyExpiryNumber: 0x5A));

        var done = EnterAll(State(), Now, sections[1].ToString(), sections[0].ToString());

        Assert.Equal(0x5A, done.State.KeyExpiryNumber);
        Assert.Equal(2, done.State.KeyRevision);
    }

    [Fact]
    public void Enter_RolloverKeyChange_MovesToNextBaseDateAndClearsTidMemory()
    {
        var credited = StsMeter.Enter(State(), "23716100501183194197", Now).State;
        var sections = Encoder.KeyChange(new KeyChangeOrder(NewKey, 2, KeyType.Unique, 1, Rollover: true));

        var done = EnterAll(credited, Now, sections[0].ToString(), sections[1].ToString());

        Assert.Equal(MeterResult.Kct2Accepted, done.Result);
        Assert.Equal(BaseDate.Year2014, done.State.BaseDate);
        Assert.Empty(done.State.Tids);
        Assert.Equal(0.1m, done.State.Credit);
    }

    [Fact]
    public void Enter_FourSectionsOf128BitKeyOutOfOrder_ChangesKeyAndSgc()
    {
        var oldKey = DecoderKey.FromHex("F94B6ED353C3BFDB113E2D3A7EA3C41D");
        var newKey = DecoderKey.FromHex("00112233445566778899AABBCCDDEEFF");
        var state = State() with { DecoderKey = oldKey.ToHex(), Algorithm = EncryptionAlgorithm.Ea11 };
        var sections = new TokenEncoder(oldKey, EncryptionAlgorithm.Ea11)
            .KeyChange(new KeyChangeOrder(newKey, 3, KeyType.Unique, 7, SupplyGroupCode: 654321));

        var entries = new List<MeterEntry>();
        foreach (var index in new[] { 3, 1, 2, 0 })
        {
            entries.Add(StsMeter.Enter(entries.LastOrDefault()?.State ?? state, sections[index].ToString(), Now));
        }

        Assert.Equal([MeterResult.Kct1Accepted, MeterResult.Kct1Accepted, MeterResult.Kct1Accepted, MeterResult.Kct2Accepted],
            entries.Select(e => e.Result));
        Assert.Equal(newKey.ToHex(), entries[^1].State.DecoderKey);
        Assert.Equal(654321, entries[^1].State.SupplyGroupCode);
        Assert.Equal(7, entries[^1].State.TariffIndex);
    }
}
