using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

public class ChainDecoderTests
{
    private static readonly OpenPaygoKey Key = OpenPaygoKey.Parse("a29ab82edc5fbbc41ec9530f6dac86b1");

    [Fact]
    public void Find_StartingCodeItself_InvalidNotUsed()
    {
        var match = ChainDecoder.Find(Key, 123456789, 0, 0, 123456789, extended: false);

        Assert.Equal(OpenPaygoEntryStatus.Invalid, match.Status);
    }

    [Fact]
    public void Find_TokenJustInsideTheJump_Valid()
    {
        var token = OpenPaygoEncoder.Generate(Key, 123456789, 62, OpenPaygoTokenType.AddTime, 3); // count 64

        var match = ChainDecoder.Find(Key, 123456789, 0, 0, ulong.Parse(token.Digits, System.Globalization.CultureInfo.InvariantCulture), extended: false);

        Assert.Equal(new ChainMatch(OpenPaygoEntryStatus.Valid, OpenPaygoTokenType.AddTime, 3, 64), match);
    }

    [Fact]
    public void Find_TokenJustBeyondTheJump_Invalid()
    {
        var token = OpenPaygoEncoder.Generate(Key, 123456789, 64, OpenPaygoTokenType.AddTime, 3); // count 66

        var match = ChainDecoder.Find(Key, 123456789, 0, 0, ulong.Parse(token.Digits, System.Globalization.CultureInfo.InvariantCulture), extended: false);

        Assert.Equal(OpenPaygoEntryStatus.Invalid, match.Status);
    }

    [Fact]
    public void Find_ExtendedValue998AtOddCount_IsSetTimeNotDisable()
    {
        var token = OpenPaygoEncoder.Generate(Key, 123456789, 0, OpenPaygoTokenType.SetTime, 998, OpenPaygoMode.Extended);

        var match = ChainDecoder.Find(Key, 123456789, 0, 0, ulong.Parse(token.Digits, System.Globalization.CultureInfo.InvariantCulture), extended: true);

        Assert.Equal(new ChainMatch(OpenPaygoEntryStatus.Valid, OpenPaygoTokenType.SetTime, 998, 1), match);
    }
}
