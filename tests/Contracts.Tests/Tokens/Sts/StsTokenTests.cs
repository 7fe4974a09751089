using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.Tokens.Sts;

public class StsTokenTests
{
    [Theory]
    [InlineData("23716100501183194197")]
    [InlineData("2371 6100 5011 8319 4197")]
    [InlineData("2371-6100-5011-8319-4197")]
    public void Parse_WithOrWithoutSeparators_GivesTheSameToken(string text)
    {
        var token = StsToken.Parse(text);

        Assert.Equal("23716100501183194197", token.ToString());
        Assert.Equal("2371 6100 5011 8319 4197", token.ToGroupedString());
    }

    [Theory]
    [InlineData("2371610050118319419", "has 19")]
    [InlineData("237161005011831941970", "has 21")]
    [InlineData("2371610050118319419x", "found 'x'")]
    [InlineData("99999999999999999999", "too large")]
    [InlineData("", "has 0")]
    public void TryParse_BadInput_SaysWhy(string text, string expected)
    {
        Assert.False(StsToken.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void ToString_SmallValue_IsZeroPadded()
    {
        Assert.Equal("00000000000000000042", new StsToken(42).ToString());
    }

    [Fact]
    public void FromBlock_MovesBits28And27AboveTheBlock()
    {
        var block = (1UL << 28) | (1UL << 27) | 0xF0F0_0000_0000_00F0UL;

        var token = StsToken.FromBlock(2, block);

        Assert.Equal(2, token.Class);
        Assert.Equal(3UL, (ulong)(token.Value >> 64));
        Assert.Equal(block, token.Block);
    }
}
