using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.CommandLine;

/// <summary>The token options both CLIs read the same way.</summary>
public class TokenOptionTextTests
{
    [Fact]
    public void Meter_ByNumber_OrAComplaintNamingTheOption()
    {
        Assert.Equal(MeterNumber.Parse("01000000008"), TokenOptionText.Meter(null, "01000000008", "needs the meter"));

        var both = Assert.Throws<CliInputException>(() => TokenOptionText.Meter("600727000000000000", "01000000008", "needs the meter"));
        var neither = Assert.Throws<CliInputException>(() => TokenOptionText.Meter(null, null, "needs the meter"));
        var mistyped = Assert.Throws<CliInputException>(() => TokenOptionText.Meter(null, "01000000001", "needs the meter"));

        Assert.Equal(("--pan", "give either --pan or --meter, not both"), (both.Option, both.Message));
        Assert.Equal(("--meter", "needs the meter"), (neither.Option, neither.Message));
        Assert.Equal("--meter", mistyped.Option); // a wrong check digit, in Contracts' own words
    }

    [Theory]
    [InlineData("123456", 123456)]
    [InlineData("000001", 1)]
    public void SupplyGroupCode_SixDigits_IsRead(string text, int expected) => Assert.Equal(expected, TokenOptionText.SupplyGroupCode("--sgc", text));

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345x")]
    public void SupplyGroupCode_NotSixDigits_IsRefused(string text) =>
        Assert.Equal(("--new-sgc", $"a supply group code has 6 digits, got '{text}'"),
            Assert.Throws<CliInputException>(() => TokenOptionText.SupplyGroupCode("--new-sgc", text)) is var e ? (e.Option, e.Message) : default);

    [Fact]
    public void OpenPaygoKey_ThirtyTwoHexDigits_IsRead()
    {
        Assert.Equal("a29ab82edc5fbbc41ec9530f6dac86b1", TokenOptionText.OpenPaygoKeyHex("a29ab82edc5fbbc41ec9530f6dac86b1"), ignoreCase: true);
        Assert.Equal("expected 32 hex digits, got 'a29a'", Assert.Throws<CliInputException>(() => TokenOptionText.OpenPaygoKeyHex("a29a")).Message);
    }

    [Theory]
    [InlineData("0123456789abcdef", null, 8)]
    [InlineData("0123456789abcdef", "02", 8)]
    [InlineData("00112233445566778899aabbccddeeff00112233", null, 20)]
    [InlineData("00112233445566778899aabbccddeeff00112233", "04", 20)]
    public void VendingKey_AgreeingWithTheDkga_IsRead(string text, string? dkga, int bytes) =>
        Assert.Equal(bytes, TokenOptionText.VendingKey("--vk", text, dkga).Length);

    [Theory]
    [InlineData("0123456789abcdef", "04", "--vk", "DKGA04 needs a 160-bit vending key (40 hex digits)")]
    [InlineData("00112233445566778899aabbccddeeff00112233", "02", "--vk", "DKGA02 needs a 64-bit vending key (16 hex digits)")]
    [InlineData("0123456789abcdef", "03", "--dkga", "expected 02 or 04, got '03'")]
    [InlineData("0123", null, "--vk", "expected 16 or 40 hex digits, got '0123'")]
    public void VendingKey_DisagreeingOrMalformed_IsRefused(string text, string? dkga, string option, string message) =>
        Assert.Equal((option, message),
            Assert.Throws<CliInputException>(() => TokenOptionText.VendingKey("--vk", text, dkga)) is var e ? (e.Option, e.Message) : default);

    [Fact]
    public void Choices_AreTheCodesTheSpecUses()
    {
        Assert.Equal(EncryptionAlgorithm.Ea11, OptionText.Choice("--ea", "11", TokenOptionText.Algorithms));
        Assert.Equal(BaseDate.Year2014, OptionText.Choice("--base", "2014", TokenOptionText.BaseDates));
    }
}
