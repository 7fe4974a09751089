using SmsVending.Gateway.Ussd;

namespace SmsVending.Gateway.Tests.Ussd;

public sealed class UssdNavigatorTests
{
    private static readonly List<string> Meters = [.. Enumerable.Range(1, 7).Select(i => $"0100000000{i}")];

    [Fact]
    public void ChooseMeter_MoreThenANumber_PicksFromTheNextPage()
    {
        var state = new UssdState { Meters = Meters };

        UssdNavigator.Next(state, "1");
        UssdNavigator.Next(state, UssdNavigator.More);
        UssdNavigator.Next(state, "7");

        Assert.Equal((UssdScreen.Amount, Meters[6]), (state.Screen, state.Meter));
    }

    [Fact]
    public void ChooseMeter_NumberNotOnThisPage_IsRefused()
    {
        var state = new UssdState { Meters = Meters, Screen = UssdScreen.ChooseMeter };

        UssdNavigator.Next(state, "6");

        Assert.Equal(UssdScreen.ChooseMeter, state.Screen);
        Assert.NotNull(state.Retry);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("10.555")]
    public void Amount_NotAnAmount_StaysWithANotice(string input)
    {
        var state = new UssdState { Meters = [Meters[0]], Screen = UssdScreen.Amount, Meter = Meters[0] };

        UssdNavigator.Next(state, input);

        Assert.Equal(UssdScreen.Amount, state.Screen);
        Assert.NotNull(state.Retry);
    }

    [Fact]
    public void Main_NoMeters_BuyEnds()
    {
        Assert.Equal(UssdAction.NoMeters, UssdNavigator.Next(new UssdState(), "1"));
    }

    [Fact]
    public void Ended_AnyInput_StaysEnded()
    {
        Assert.Equal(UssdAction.Ended, UssdNavigator.Next(new UssdState { Screen = UssdScreen.Ended }, "1"));
    }
}
