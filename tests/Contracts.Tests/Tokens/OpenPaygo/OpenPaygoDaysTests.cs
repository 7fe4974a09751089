using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

public class OpenPaygoDaysTests
{
    [Theory]
    [InlineData("30", 1, 30)]
    [InlineData("7", 24, 168)]
    [InlineData("0.5", 3, 2)] // 1.5 rounds half to even, as the reference's round()
    [InlineData("0.5", 5, 2)] // 2.5 likewise
    [InlineData("995", 1, 995)]
    public void ToValue_DaysTimesDivider_RoundsHalfToEven(string days, int divider, int expected)
    {
        Assert.Equal(expected, OpenPaygoDays.ToValue(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture), divider));
    }

    [Fact]
    public void ToValue_Above995_ThrowsSayingHowManyDaysFit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OpenPaygoDays.ToValue(42, 24));

        Assert.Contains("= 1008, above the highest value 995", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 41.458 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToValue_ExtendedMode_AllowsUpTo999999()
    {
        Assert.Equal(999_999, OpenPaygoDays.ToValue(999_999, 1, OpenPaygoMode.Extended));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public void ToValue_DividerOutOf1To255_Throws(int divider)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OpenPaygoDays.ToValue(1, divider));

        Assert.Equal("timeDivider", error.ParamName);
    }

    [Fact]
    public void ToValue_NegativeDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenPaygoDays.ToValue(-1, 1));
    }

    [Fact]
    public void ToDays_ValueAndDivider_GivesDays()
    {
        Assert.Equal(7m, OpenPaygoDays.ToDays(168, 24));
    }
}
