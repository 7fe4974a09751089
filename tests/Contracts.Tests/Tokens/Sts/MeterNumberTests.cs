using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.Tokens.Sts;

public class MeterNumberTests
{
    [Theory]
    [InlineData("01234567897", "01234567897")]
    [InlineData("0123 4567 897", "01234567897")]
    [InlineData("0123-4567-897", "01234567897")]
    [InlineData("0000000000000", "0000000000000")]
    public void Parse_SpacesAndDashes_AreIgnored(string text, string digits)
    {
        Assert.Equal(digits, MeterNumber.Parse(text).Digits);
    }

    [Theory]
    [InlineData("0123456789", "11 or 13 digits, this one has 10")]
    [InlineData("012345678901", "11 or 13 digits, this one has 12")]
    [InlineData("0123456789A", "found 'A'")]
    [InlineData("", "missing")]
    [InlineData("01234567890", "the last would be 7")]
    public void TryParse_BadInput_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(MeterNumber.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("0123456789", "01234567897")]
    [InlineData("000000000000", "0000000000000")]
    public void Create_AppendsTheCheckDigit(string digits, string expected)
    {
        Assert.Equal(expected, MeterNumber.Create(digits).Digits);
    }

    [Theory]
    [InlineData("012345678")]
    [InlineData("01234567x9")]
    public void Create_WrongLengthOrNonDigits_Throws(string digits)
    {
        Assert.Throws<FormatException>(() => MeterNumber.Create(digits));
    }

    [Fact]
    public void Pan_ElevenDigits_Uses600727AndLuhn()
    {
        Assert.Equal("600727000000000009", MeterNumber.Parse("00000000000").Pan);
    }

    [Fact]
    public void Pan_ThirteenDigits_Uses0000()
    {
        var meter = MeterNumber.Parse("0000000000000");

        Assert.Equal(18, meter.Pan.Length);
        Assert.StartsWith("0000", meter.Pan);
        Assert.Equal(meter, MeterNumber.FromPan(meter.Pan));
    }

    [Theory]
    [InlineData("600727000000000008", "check digit")]
    [InlineData("60072700000000009", "18 digits")]
    [InlineData("512345000000000008", "neither IIN")]
    public void FromPan_BadPan_Throws(string pan, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MeterNumber.FromPan(pan));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void PanBlock_CommonKey_ZeroesTheMeterDigits()
    {
        var identity = new KeyIdentity(MeterNumber.Parse("01234567897"), 123456, 1, 1, KeyType.Common);

        Assert.Equal(0x0072700000000000UL, DecoderKeyGeneration.PanBlock(identity));
    }

    [Fact]
    public void PanBlock_ThirteenDigits_UsesLastThreeIinDigits()
    {
        var identity = new KeyIdentity(MeterNumber.Parse("1234567890128"), 123456, 1, 1, KeyType.Unique);

        Assert.Equal(0x0001234567890128UL, DecoderKeyGeneration.PanBlock(identity));
    }
}
