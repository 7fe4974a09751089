using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

/// <summary>Token generation: the spec's tokens, the reference library's test tokens, counts and refusals.</summary>
public class OpenPaygoEncoderTests
{
    private static readonly OpenPaygoKey SpecKey = OpenPaygoKey.Parse("a29ab82edc5fbbc41ec9530f6dac86b1");

    [Theory]
    [InlineData(0, OpenPaygoTokenType.AddTime, 1, "662486790", 2)]
    [InlineData(2, OpenPaygoTokenType.AddTime, 29, "927706818", 4)]
    [InlineData(4, OpenPaygoTokenType.SetTime, 7, "942433796", 5)]
    [InlineData(5, OpenPaygoTokenType.DisablePayg, 0, "650975787", 7)]
    [InlineData(7, OpenPaygoTokenType.SetTime, 0, "592185789", 9)]
    public void Generate_SpecSequence_GivesTheSpecTokens(int lastCount, OpenPaygoTokenType type, int value, string digits, int count)
    {
        var token = OpenPaygoEncoder.Generate(SpecKey, 123456789, lastCount, type, value);

        Assert.Equal(digits, token.Digits);
        Assert.Equal(count, token.Count);
    }

    // Rows of test/test_tokens.jsonl in github.com/EnAccess/OpenPAYGO-python, made by the reference encoder.
    [Theory]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.AddTime, 1, OpenPaygoMode.Standard, 2, "588224011")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.AddTime, 1, OpenPaygoMode.Extended, 2, "247264959011")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.AddTime, 1, OpenPaygoMode.RestrictedDigits, 2, "314114432231134")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.AddTime, 1, OpenPaygoMode.Extended | OpenPaygoMode.RestrictedDigits, 2, "14323213131442331314")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.AddTime, 995, OpenPaygoMode.Standard, 2, "944829005")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.AddTime, 995, OpenPaygoMode.Extended, 2, "202207960005")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.SetTime, 5, OpenPaygoMode.Standard, 3, "691966015")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.SetTime, 5, OpenPaygoMode.Extended, 3, "925720959015")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.SetTime, 995, OpenPaygoMode.RestrictedDigits, 3, "313442111441322")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.SetTime, 995, OpenPaygoMode.Extended | OpenPaygoMode.RestrictedDigits, 3, "34131421314343332122")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.DisablePayg, 0, OpenPaygoMode.Standard, 3, "190942008")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.DisablePayg, 0, OpenPaygoMode.RestrictedDigits, 3, "134231231341431")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.CounterSync, 0, OpenPaygoMode.Standard, 3, "160440009")]
    [InlineData("bc41ec9530f6dac86b1a29ab82edc5fb", 516959010, 1, OpenPaygoTokenType.CounterSync, 0, OpenPaygoMode.RestrictedDigits, 3, "132321112434132")]
    [InlineData("dac86b1a29ab82edc5fbbc41ec9530f6", 432435255, 10, OpenPaygoTokenType.AddTime, 1, OpenPaygoMode.Standard, 12, "579194256")]
    [InlineData("dac86b1a29ab82edc5fbbc41ec9530f6", 432435255, 10, OpenPaygoTokenType.AddTime, 5, OpenPaygoMode.Extended, 12, "406910435260")]
    [InlineData("dac86b1a29ab82edc5fbbc41ec9530f6", 432435255, 10, OpenPaygoTokenType.AddTime, 995, OpenPaygoMode.Extended | OpenPaygoMode.RestrictedDigits, 12, "33434144423222214233")]
    [InlineData("dac86b1a29ab82edc5fbbc41ec9530f6", 432435255, 10, OpenPaygoTokenType.SetTime, 2, OpenPaygoMode.Extended, 11, "358184435257")]
    [InlineData("dac86b1a29ab82edc5fbbc41ec9530f6", 432435255, 10, OpenPaygoTokenType.SetTime, 995, OpenPaygoMode.Standard, 11, "664193250")]
    [InlineData("dac86b1a29ab82edc5fbbc41ec9530f6", 432435255, 10, OpenPaygoTokenType.SetTime, 5, OpenPaygoMode.RestrictedDigits, 11, "243434442223221")]
    [InlineData("dac86b1a29ab82edc5fbbc41ec9530f6", 432435255, 10, OpenPaygoTokenType.DisablePayg, 0, OpenPaygoMode.Standard, 11, "418174253")]
    [InlineData("dac86b1a29ab82edc5fbbc41ec9530f6", 432435255, 10, OpenPaygoTokenType.CounterSync, 0, OpenPaygoMode.Standard, 11, "648453254")]
    [InlineData("dac86b1a29ab82edc5fbbc41ec9530f6", 432435255, 10, OpenPaygoTokenType.CounterSync, 0, OpenPaygoMode.RestrictedDigits, 11, "323332332413123")]
    public void Generate_ReferenceLibraryRow_GivesTheSameToken(string key, int startingCode, int lastCount, OpenPaygoTokenType type, int value, OpenPaygoMode mode, int count, string digits)
    {
        var token = OpenPaygoEncoder.Generate(OpenPaygoKey.Parse(key), startingCode, lastCount, type, value, mode);

        Assert.Equal(new OpenPaygoToken(digits, count, type, token.Value), token);
    }

    [Fact]
    public void Generate_ExtendedSetTime998_IsTheTokenTheReferenceIssuesAsExtendedDisable()
    {
        // Why extended DISABLE_PAYG is refused: the reference's "extended DISABLE_PAYG" is this very SET_TIME token.
        var token = OpenPaygoEncoder.Generate(OpenPaygoKey.Parse("bc41ec9530f6dac86b1a29ab82edc5fb"), 516959010, 1, OpenPaygoTokenType.SetTime, 998, OpenPaygoMode.Extended);

        Assert.Equal("696672960008", token.Digits);
    }

    [Theory]
    [InlineData(0, OpenPaygoTokenType.AddTime, 2)]
    [InlineData(1, OpenPaygoTokenType.AddTime, 2)]
    [InlineData(2, OpenPaygoTokenType.AddTime, 4)]
    [InlineData(0, OpenPaygoTokenType.SetTime, 1)]
    [InlineData(1, OpenPaygoTokenType.SetTime, 3)]
    [InlineData(4, OpenPaygoTokenType.DisablePayg, 5)]
    [InlineData(5, OpenPaygoTokenType.CounterSync, 7)]
    public void NextCount_ByParityAndType_AddTimeEvenOthersOdd(int lastCount, OpenPaygoTokenType type, int expected)
    {
        Assert.Equal(expected, OpenPaygoEncoder.NextCount(lastCount, type));
    }

    [Theory]
    [InlineData(OpenPaygoTokenType.DisablePayg, 998)]
    [InlineData(OpenPaygoTokenType.CounterSync, 999)]
    public void Generate_FixedValueTypes_CarryTheirValueWhetherGiven0OrIt(OpenPaygoTokenType type, int value)
    {
        var implicitValue = OpenPaygoEncoder.Generate(SpecKey, 123456789, 3, type, 0);
        var explicitValue = OpenPaygoEncoder.Generate(SpecKey, 123456789, 3, type, value);

        Assert.Equal(value, implicitValue.Value);
        Assert.Equal(implicitValue, explicitValue);
    }

    [Theory]
    [InlineData(OpenPaygoTokenType.DisablePayg)]
    [InlineData(OpenPaygoTokenType.CounterSync)]
    public void Generate_ExtendedDisableOrSync_RefusedWithReason(OpenPaygoTokenType type)
    {
        var error = Assert.Throws<ArgumentException>(() => OpenPaygoEncoder.Generate(SpecKey, 123456789, 0, type, 0, OpenPaygoMode.Extended));

        Assert.Contains("decode it as SET_TIME", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 0, OpenPaygoTokenType.AddTime, 1, "startingCode", "9 digits")]
    [InlineData(1_000_000_000, 0, OpenPaygoTokenType.AddTime, 1, "startingCode", "9 digits")]
    [InlineData(123456789, -1, OpenPaygoTokenType.AddTime, 1, "lastCount", "16-bit")]
    [InlineData(123456789, 65534, OpenPaygoTokenType.AddTime, 1, "lastCount", "16-bit")]
    [InlineData(123456789, 0, OpenPaygoTokenType.AddTime, 996, "value", "996 and 997 are reserved")]
    [InlineData(123456789, 0, OpenPaygoTokenType.SetTime, -1, "value", "0 to 995")]
    [InlineData(123456789, 0, OpenPaygoTokenType.DisablePayg, 5, "value", "pass 0")]
    [InlineData(123456789, 0, (OpenPaygoTokenType)9, 5, "type", "unknown token type")]
    public void Generate_BadInput_ThrowsNamingTheArgument(int startingCode, int lastCount, OpenPaygoTokenType type, int value, string parameter, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OpenPaygoEncoder.Generate(SpecKey, startingCode, lastCount, type, value));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ExtendedValueAboveMillion_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            OpenPaygoEncoder.Generate(SpecKey, 123456789, 0, OpenPaygoTokenType.AddTime, 1_000_000, OpenPaygoMode.Extended));

        Assert.Contains("0 to 999999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ExtendedLargeValue_Is12DigitsEndingInMaskedValue()
    {
        // Base = (959010 + 123456) mod 10^6 = 82466.
        var token = OpenPaygoEncoder.Generate(OpenPaygoKey.Parse("bc41ec9530f6dac86b1a29ab82edc5fb"), 516959010, 1, OpenPaygoTokenType.AddTime, 123456, OpenPaygoMode.Extended);

        Assert.Equal(12, token.Digits.Length);
        Assert.EndsWith("082466", token.Digits, StringComparison.Ordinal);
    }
}
