using SmsVending.MeterEmulator.Meters;
using static SmsVending.MeterEmulator.Tests.Meters.TestMeter;

namespace SmsVending.MeterEmulator.Tests.Meters;

public sealed class StsMeterLockoutTests
{
    private const string Foreign = "29054347139309851356";
    private static readonly DateTimeOffset Start = new(2020, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Enter_ThirdInvalidEntry_LocksForTenSeconds()
    {
        var third = EnterAll(State(), Start, Foreign, Foreign, Foreign);

        Assert.Equal(MeterResult.CrcError, third.Result);
        Assert.Equal(Start.AddSeconds(10), third.State.LockedUntil);
    }

    [Fact]
    public void Enter_WhileLocked_LockoutWithoutReadingTheToken()
    {
        var locked = EnterAll(State(), Start, Foreign, Foreign, Foreign).State;

        var entry = StsMeter.Enter(locked, "23716100501183194197", Start.AddSeconds(9));

        Assert.Equal(MeterResult.Lockout, entry.Result);
        Assert.Equal(0m, entry.State.Credit);
        Assert.Equal(3, entry.State.FailureCount);
    }

    [Fact]
    public void Enter_FailuresAfterLockEnds_WaitDoublesAndGoodTokenResets()
    {
        var locked = EnterAll(State(), Start, Foreign, Foreign, Foreign).State;

        var fourth = StsMeter.Enter(locked, Foreign, Start.AddSeconds(10));
        var good = StsMeter.Enter(fourth.State, "23716100501183194197", Start.AddSeconds(30));

        Assert.Equal(Start.AddSeconds(30), fourth.State.LockedUntil);
        Assert.Equal(MeterResult.Accept, good.Result);
        Assert.Equal(0, good.State.FailureCount);
        Assert.Null(good.State.LockedUntil);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 10)]
    [InlineData(4, 20)]
    [InlineData(9, 640)]
    [InlineData(10, 1280)]
    [InlineData(40, 1280)]
    public void WaitAfter_Failures_DoublesUpToCap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), KeypadLockout.WaitAfter(failures));
}
