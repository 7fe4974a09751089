using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.Tokens.Sts;

public class TokenIdentifierTests
{
    [Fact]
    public void FromTime_DropsSeconds()
    {
        var at = new DateTimeOffset(2004, 3, 1, 13, 55, 59, TimeSpan.Zero);

        Assert.Equal(0x599863, TokenIdentifier.FromTime(at, BaseDate.Year1993));
    }

    [Fact]
    public void FromTime_OtherOffset_CountsInUtc()
    {
        var at = new DateTimeOffset(2004, 3, 1, 16, 55, 0, TimeSpan.FromHours(3));

        Assert.Equal(0x599863, TokenIdentifier.FromTime(at, BaseDate.Year1993));
    }

    [Fact]
    public void FromTime_AfterRange_SaysRolloverIsDue()
    {
        var at = new DateTimeOffset(2024, 11, 24, 20, 16, 0, TimeSpan.Zero);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TokenIdentifier.FromTime(at, BaseDate.Year1993));
        Assert.Contains("rollover", error.Message);
        Assert.Equal(TokenIdentifier.Max, TokenIdentifier.FromTime(at.AddMinutes(-1), BaseDate.Year1993));
    }

    [Fact]
    public void FromTime_BeforeBase_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => TokenIdentifier.FromTime(new DateTimeOffset(2013, 12, 31, 23, 59, 0, TimeSpan.Zero), BaseDate.Year2014));
        Assert.Contains("before the 2014 base date", error.Message);
    }

    [Theory]
    [InlineData(BaseDate.Year1993)]
    [InlineData(BaseDate.Year2014)]
    [InlineData(BaseDate.Year2035)]
    public void ToTime_IsTheInverseOfFromTime(BaseDate baseDate)
    {
        var at = TokenIdentifier.Start(baseDate).AddMinutes(1_234_567);

        Assert.Equal(at, TokenIdentifier.ToTime(TokenIdentifier.FromTime(at, baseDate), baseDate));
    }
}
