using SmsVending.Gateway.Sms;

namespace SmsVending.Gateway.Tests.Sms;

public class SmsCommandParserTests
{
    public static TheoryData<string, SmsCommand> Understood => new()
    {
        { "BUY 01234567897 500", new SmsCommand.Buy("01234567897", 500m, null) },
        { "buy 0123 4567 897 500.00", new SmsCommand.Buy("01234567897", 500m, null) },
        { "  Buy   0123-4567-897   KES500   4321 ", new SmsCommand.Buy("01234567897", 500m, "4321") },
        { "BUY 0000 0000 0000 0 250", new SmsCommand.Buy("0000000000000", 250m, null) },
        { "BUY 500", new SmsCommand.Buy(null, 500m, null) },
        { "BUY KSH200 12345", new SmsCommand.Buy(null, 200m, "12345") },
        { "BUY SHS-0001 100", new SmsCommand.Buy("SHS-0001", 100m, null) },
        { "LAST", new SmsCommand.Last(null) },
        { "last 0123 4567 897", new SmsCommand.Last("01234567897") },
        { "BAL", new SmsCommand.Balance() },
        { "balance", new SmsCommand.Balance() },
        { "METERS", new SmsCommand.Meters() },
        { "REG 01234567897 7731", new SmsCommand.Register("01234567897", "7731") },
        { "PIN 1234 98765", new SmsCommand.ChangePin("1234", "98765") },
        { "help", new SmsCommand.Help() },
    };

    [Theory]
    [MemberData(nameof(Understood))]
    public void Parse_ForgivingInput_UnderstandsTheCommand(string body, SmsCommand expected)
    {
        Assert.Equal(expected, SmsCommandParser.Parse(body));
    }

    [Theory]
    [InlineData("BYU 01234567897 500", "BUY")]
    [InlineData("LSAT", "LAST")]
    [InlineData("METRES", "METERS")]
    [InlineData("BUY", "BUY")]
    [InlineData("BUY 0123 500", "BUY")]
    [InlineData("BUY 01234567897 -5", "BUY")]
    [InlineData("BUY 01234567897 500.005", "BUY")]
    [InlineData("BUY 01234567897 500 12", "BUY")]
    [InlineData("REG 01234567897", "REG")]
    [InlineData("PIN 12 34", "PIN")]
    [InlineData("", "HELP")]
    [InlineData("hello there", "HELP")]
    public void Parse_NotUnderstood_NamesTheClosestCommand(string body, string closest)
    {
        var unknown = Assert.IsType<SmsCommand.Unknown>(SmsCommandParser.Parse(body));

        Assert.Equal(closest, unknown.Closest);
        Assert.False(string.IsNullOrWhiteSpace(unknown.Problem));
    }

    [Fact]
    public void Parse_TenThousandRandomBodies_NeverThrows()
    {
        var random = new Random(160);
        const string Alphabet = "BUYLASTPINREGHELPbuy0123456789 -.,KES€{}\n\t😀ñ";
        for (var i = 0; i < 10_000; i++)
        {
            var body = new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            Assert.NotNull(SmsCommandParser.Parse(body));
        }
    }
}
