using SmsVending.MeterEmulator.Meters;
using static SmsVending.MeterEmulator.Tests.Meters.TestMeter;

namespace SmsVending.MeterEmulator.Tests.Meters;

public sealed class StsMeterConsumptionTests
{
    private static readonly DateTimeOffset Start = new(2020, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_ThreeHoursAtTwoUnitsPerHour_TakesSixUnits()
    {
        var state = State() with { Credit = 10m, RatePerHour = 2m, ConsumedUntil = Start };

        var later = StsMeter.Advance(state, Start.AddHours(3));

        Assert.Equal(4m, later.Credit);
        Assert.Equal(Start.AddHours(3), later.ConsumedUntil);
    }

    [Fact]
    public void Advance_PastEmpty_StopsAtZero() =>
        Assert.Equal(0m, StsMeter.Advance(State() with { Credit = 1m, RatePerHour = 2m, ConsumedUntil = Start }, Start.AddDays(1)).Credit);

    [Fact]
    public void Advance_FirstCall_OnlyStartsTheClock()
    {
        var started = StsMeter.Advance(State() with { Credit = 5m, RatePerHour = 2m }, Start);

        Assert.Equal(5m, started.Credit);
        Assert.Equal(Start, started.ConsumedUntil);
    }

    [Fact]
    public void Enter_LaterToken_ConsumesUpToTheEntryFirst()
    {
        var state = State() with { Credit = 3m, RatePerHour = 1m, ConsumedUntil = Start };

        var entry = StsMeter.Enter(state, Credit(10m, Tid(Start)), Start.AddHours(2));

        Assert.Equal(11m, entry.State.Credit);
    }
}
