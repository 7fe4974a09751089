using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.Tokens.Sts;

public class TokenAmountTests
{
    [Theory]
    [InlineData(0, 0x0000)]
    [InlineData(256, 0x0100)]
    [InlineData(16383, 0x3FFF)]
    [InlineData(16384, 0x4000)]
    [InlineData(180214, 0x7FFF)]
    [InlineData(180224, 0x8000)]
    [InlineData(1818624, 0xC000)]
    [InlineData(TokenAmount.Max, 0xFFFF)]
    public void Encode_ExactValues_RoundTrip(long value, int field)
    {
        Assert.Equal((ushort)field, TokenAmount.Encode(value));
        Assert.Equal(value, TokenAmount.Decode((ushort)field));
    }

    [Theory]
    [InlineData(16385, 16394)]
    [InlineData(180215, 180224)]
    [InlineData(180225, 180324)]
    [InlineData(1818625, 1819624)]
    public void Encode_BetweenSteps_RoundsUp(long value, long shown)
    {
        Assert.Equal(shown, TokenAmount.Decode(TokenAmount.Encode(value)));
    }

    [Fact]
    public void Encode_AnyValue_NeverShortChangesAndStaysWithinOneStep()
    {
        var random = new Random(62055);
        for (var i = 0; i < 100_000; i++)
        {
            var value = random.NextInt64(0, TokenAmount.Max + 1);
            var shown = TokenAmount.Decode(TokenAmount.Encode(value));
            Assert.InRange(shown - value, 0, 999);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(TokenAmount.Max + 1)]
    public void Encode_OutOfRange_Throws(long value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenAmount.Encode(value));
    }

    [Theory]
    [InlineData("25.6", 256)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    public void TenthsOf_Units_RoundsUpToTenths(string units, long tenths)
    {
        Assert.Equal(tenths, TokenAmount.TenthsOf(decimal.Parse(units, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
