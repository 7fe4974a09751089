using SmsVending.Contracts.Tokens.Sts;
using SmsVending.MeterEmulator.Meters;
using static SmsVending.MeterEmulator.Tests.Meters.TestMeter;

namespace SmsVending.MeterEmulator.Tests.Meters;

public sealed class StsMeterTests
{
    private static readonly DateTimeOffset Now = new(2020, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Enter_SpecExample2Token_AcceptsAndAddsCredit()
    {
        var entry = StsMeter.Enter(State(), "2371 6100 5011 8319 4197", Now);

        Assert.Equal(MeterResult.Accept, entry.Result);
        Assert.Equal(0.1m, entry.State.Credit);
        Assert.Equal([0x599863], entry.State.Tids);
        Assert.Equal(MeterResult.Accept, entry.State.LastResult);
    }

    [Fact]
    public void Enter_SameTokenTwice_Used()
    {
        var entry = EnterAll(State(), Now, "23716100501183194197", "23716100501183194197");

        Assert.Equal(MeterResult.Used, entry.Result);
        Assert.Equal(0.1m, entry.State.Credit);
    }

    [Fact]
    public void Enter_TokenForAnotherKey_CrcError()
    {
        var entry = StsMeter.Enter(State(), "29054347139309851356", Now); // sts.md example 1, DK 0ABC12DEF3456789

        Assert.Equal(MeterResult.CrcError, entry.Result);
        Assert.Equal(1, entry.State.FailureCount);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("9999999999999999999x")]
    [InlineData("99999999999999999999")]
    public void Enter_NotATokenNumber_FormatError(string text) =>
        Assert.Equal(MeterResult.FormatError, StsMeter.Enter(State(), text, Now).Result);

    [Fact]
    public void Enter_WaterCreditOnElectricityMeter_FunctionError() =>
        Assert.Equal(MeterResult.FunctionError, StsMeter.Enter(State(), Credit(5m, Tid(Now), kind: CreditKind.Water), Now).Result);

    [Fact]
    public void Enter_UnknownManagementSubclass_FunctionError()
    {
        var token = Encoder.Management((ManagementFunction)12, 0, Tid(Now), 1).ToString();

        Assert.Equal(MeterResult.FunctionError, StsMeter.Enter(State(), token, Now).Result);
    }

    [Fact]
    public void Enter_ClearCreditForMissingRegister_RangeError()
    {
        var token = Encoder.Management(ManagementFunction.ClearCredit, 0x0003, Tid(Now), 1).ToString();

        Assert.Equal(MeterResult.RangeError, StsMeter.Enter(State(), token, Now).Result);
    }

    [Fact]
    public void Enter_ClearCreditAll_EmptiesRegister()
    {
        var token = Encoder.Management(ManagementFunction.ClearCredit, 0xFFFF, Tid(Now), 1).ToString();

        var entry = StsMeter.Enter(State() with { Credit = 42m }, token, Now);

        Assert.Equal(MeterResult.Accept, entry.Result);
        Assert.Equal(0m, entry.State.Credit);
    }

    [Fact]
    public void Enter_SetMaximumPower_RecordsWatts()
    {
        var token = Encoder.Management(ManagementFunction.SetMaximumPowerLimit, TokenAmount.Encode(5000), Tid(Now), 1).ToString();

        var entry = StsMeter.Enter(State() with { Tampered = true }, token, Now);

        Assert.Equal(MeterResult.Accept, entry.Result);
        Assert.Equal(5000m, entry.State.MaxPowerWatts);
    }

    [Fact]
    public void Enter_CreditUnderDefaultKey_DdtkError() =>
        Assert.Equal(MeterResult.DdtkError, StsMeter.Enter(State() with { KeyType = KeyType.Default }, Credit(1m, Tid(Now)), Now).Result);

    [Fact]
    public void Enter_KeyChangeToInitialisationKey_KeyTypeError()
    {
        var sections = Encoder.KeyChange(new KeyChangeOrder(NewKey, 2, KeyType.Initialisation, 1));

        Assert.Equal(MeterResult.KeyTypeError, StsMeter.Enter(State(), sections[0].ToString(), Now).Result);
    }

    [Fact]
    public void Enter_TidPastKeyExpiryNumber_KeyExpired()
    {
        var entry = StsMeter.Enter(State() with { KeyExpiryNumber = 0x50 }, "23716100501183194197", Now); // TID 0x599863

        Assert.Equal(MeterResult.KeyExpired, entry.Result);
        Assert.Empty(entry.State.Tids);
    }

    [Fact]
    public void Enter_KenFF_NeverExpires() =>
        Assert.Equal(MeterResult.Accept, StsMeter.Enter(State() with { KeyExpiryNumber = 0xFF }, Credit(1m, 0xFF_FFF0), Now).Result);

    [Fact]
    public void Enter_TidOlderThanMemoryHolds_OldAfterEviction()
    {
        var state = State() with { TidMemorySize = 2 };

        var full = EnterAll(state, Now, Credit(1m, 1000), Credit(1m, 2000), Credit(1m, 3000));
        var evicted = StsMeter.Enter(full.State, Credit(1m, 1000), Now);
        var remembered = StsMeter.Enter(full.State, Credit(1m, 2000), Now);
        var newer = StsMeter.Enter(full.State, Credit(1m, 2500), Now);

        Assert.Equal([2000, 3000], full.State.Tids);
        Assert.Equal(MeterResult.Old, evicted.Result);
        Assert.Equal(MeterResult.Used, remembered.Result);
        Assert.Equal(MeterResult.Accept, newer.Result);
        Assert.Equal([2500, 3000], newer.State.Tids);
    }

    [Fact]
    public void Enter_CreditPastRegisterMaximum_OverflowAndTidNotKept()
    {
        var entry = StsMeter.Enter(State() with { Credit = StsMeter.MaxCredit - 0.05m }, Credit(0.1m, 5000), Now);

        Assert.Equal(MeterResult.Overflow, entry.Result);
        Assert.Equal(StsMeter.MaxCredit - 0.05m, entry.State.Credit);
        Assert.Empty(entry.State.Tids);
    }

    [Fact]
    public void Enter_TestTokenOfThisManufacturer_Accept()
    {
        var token = TokenEncoder.Test(0, 0x123, 7).ToString();

        Assert.Equal(MeterResult.Accept, StsMeter.Enter(State() with { ManufacturerCode = 7 }, token, Now).Result);
    }

    [Fact]
    public void Enter_TestTokenOfAnotherManufacturer_MfrCodeError()
    {
        var token = TokenEncoder.Test(1, 0x123, 0x1234).ToString();

        Assert.Equal(MeterResult.MfrCodeError, StsMeter.Enter(State() with { ManufacturerCode = 7 }, token, Now).Result);
    }
}
