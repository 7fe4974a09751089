using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

public class TokenChainTests
{
    private static readonly OpenPaygoKey Key = OpenPaygoKey.Parse("a29ab82edc5fbbc41ec9530f6dac86b1");

    [Fact]
    public void TokenAt_Count0_IsTheStartingCodeWithTheBase()
    {
        Assert.Equal(123456790UL, TokenChain.TokenAt(Key, 123456789, 790, 0, extended: false));
    }

    [Fact]
    public void TokenAt_Count2_StepsTwiceWithoutReinsertingTheBase()
    {
        var twice = TokenChain.Next(Key, TokenChain.Next(Key, 123456790, extended: false), extended: false);

        Assert.Equal(TokenChain.PutBase(twice, 790, 1000), TokenChain.TokenAt(Key, 123456789, 790, 2, extended: false));
        Assert.Equal(662486790UL, TokenChain.TokenAt(Key, 123456789, 790, 2, extended: false));
    }

    [Fact]
    public void Next_AnyCode_StaysBelowTheDigitLimit()
    {
        ulong code = 123456790, wide = 123456790;
        for (var i = 0; i < 2000; i++)
        {
            code = TokenChain.Next(Key, code, extended: false);
            wide = TokenChain.Next(Key, wide, extended: true);
            Assert.InRange(code, 0UL, 999_999_999UL);
            Assert.InRange(wide, 0UL, 999_999_999_999UL);
        }
    }

    [Fact]
    public void PutBase_ReplacesTheLowDigits()
    {
        Assert.Equal(123456050UL, TokenChain.PutBase(123456789, 50, 1000));
        Assert.Equal(123000042UL, TokenChain.PutBase(123456789, 42, 1_000_000));
    }
}
