using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

public class TokenDigitsTests
{
    [Fact]
    public void Write_Restricted_TwoBitsADigitFromTheTop()
    {
        Assert.Equal("324244134441123", TokenDigits.Write(662486790, extended: false, restricted: true));
    }

    [Fact]
    public void Write_Standard_ZeroPadsTo9And12()
    {
        Assert.Equal("000000042", TokenDigits.Write(42, extended: false, restricted: false));
        Assert.Equal("000000000042", TokenDigits.Write(42, extended: true, restricted: false));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(999_999_999_999UL)]
    [InlineData(247_264_959_011UL)]
    public void TryRead_RestrictedExtended_ReversesWrite(ulong number)
    {
        var digits = TokenDigits.Write(number, extended: true, restricted: true);

        Assert.True(TokenDigits.TryRead(digits, restricted: true, extendedAllowed: true, out var read, out var extended, out _));
        Assert.Equal(20, digits.Length);
        Assert.Equal(number, read);
        Assert.True(extended);
    }

    [Fact]
    public void TryRead_SpacesAndDashes_Ignored()
    {
        Assert.True(TokenDigits.TryRead("662 486-790", restricted: false, extendedAllowed: false, out var number, out var extended, out _));
        Assert.Equal(662486790UL, number);
        Assert.False(extended);
    }

    [Theory]
    [InlineData("324244134441125", true, false, "only the digits 1 to 4, found '5'")]
    [InlineData("32424413444112", true, false, "a token has 15 digits, this one has 14")]
    [InlineData("66248679", false, false, "a token has 9 digits, this one has 8")]
    [InlineData("662486790123", false, false, "a token has 9 digits, this one has 12")]
    [InlineData("6624867901", false, true, "a token has 9 or 12 digits, this one has 10")]
    [InlineData("66248679x", false, false, "only digits, found 'x'")]
    [InlineData("", false, false, "this one has 0")]
    public void TryRead_Malformed_FalseWithReason(string text, bool restricted, bool extendedAllowed, string reason)
    {
        Assert.False(TokenDigits.TryRead(text, restricted, extendedAllowed, out _, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
