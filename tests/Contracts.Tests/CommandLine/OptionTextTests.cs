using SmsVending.Contracts.CommandLine;

namespace SmsVending.Contracts.Tests.CommandLine;

/// <summary>What both CLIs tell a user who mistypes an option: the option's name and what was expected.</summary>
public class OptionTextTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("0x2A", 42)]
    [InlineData("0X2a", 42)]
    public void Number_DecimalOrHex_IsRead(string text, long expected) => Assert.Equal(expected, OptionText.Number("--tid", text, 0, 100));

    [Theory]
    [InlineData("-1", "expected a whole number (decimal or 0x hex), got '-1'")]
    [InlineData("4 2", "expected a whole number (decimal or 0x hex), got '4 2'")]
    [InlineData("0xZZ", "expected a whole number (decimal or 0x hex), got '0xZZ'")]
    [InlineData("101", "must be 0..100, got 101")]
    public void Number_NotAWholeNumberInRange_NamesTheOptionAndWhatWasExpected(string text, string message)
    {
        var error = Assert.Throws<CliInputException>(() => OptionText.Number("--tid", text, 0, 100));

        Assert.Equal(("--tid", message), (error.Option, error.Message));
    }

    [Fact]
    public void Decimal_WithAnExponentOrSign_IsRefused()
    {
        Assert.Equal(25.6m, OptionText.Decimal("--units", "25.6"));
        var negative = Assert.Throws<CliInputException>(() => OptionText.Decimal("--units", "-1"));
        Assert.Equal(("--units", "expected a non-negative number such as 25.6, got '-1'"), (negative.Option, negative.Message));
        Assert.Equal("--amount", Assert.Throws<CliInputException>(() => OptionText.Decimal("--amount", "1e3")).Option);
    }

    [Fact]
    public void Report_IsOneLineNamingTheOption_AndExitCode2()
    {
        var error = new StringWriter();

        Assert.Equal(2, new CliInputException("--tid", "must be 0..100, got 101").Report(error));
        Assert.Equal("error: --tid: must be 0..100, got 101" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Time_WithoutAnOffset_IsUtc()
    {
        Assert.Equal(new DateTimeOffset(2004, 3, 1, 13, 55, 0, TimeSpan.Zero), OptionText.Time("--at", "2004-03-01T13:55"));
        Assert.Equal(new DateTimeOffset(2004, 3, 1, 10, 55, 0, TimeSpan.Zero), OptionText.Time("--at", "2004-03-01T13:55+03:00"));
        Assert.Equal("--at", Assert.Throws<CliInputException>(() => OptionText.Time("--at", "yesterday")).Option);
    }

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789abcde", false)] // odd
    [InlineData("0123456789abcdeg", false)] // not hex
    [InlineData("0123456789abcdef01", false)] // 9 bytes
    public void Hex_OfAnAllowedLength_IsRead(string text, bool ok)
    {
        if (ok)
        {
            Assert.Equal(Convert.FromHexString(text), OptionText.Hex("--dk", text, 8, 16));
        }
        else
        {
            Assert.Equal("expected 16 or 32 hex digits, got '" + text + "'", Assert.Throws<CliInputException>(() => OptionText.Hex("--dk", text, 8, 16)).Message);
        }
    }

    [Fact]
    public void Choice_IgnoresCaseAndListsTheChoicesWhenWrong()
    {
        var choices = new Dictionary<string, int> { ["electricity"] = 1, ["water"] = 2 };

        Assert.Equal(2, OptionText.Choice("--kind", "Water", choices));
        Assert.Equal("expected one of electricity, water, got 'gas'", Assert.Throws<CliInputException>(() => OptionText.Choice("--kind", "gas", choices)).Message);
    }

    [Fact]
    public void Checked_AnArgumentException_BecomesItsFirstLineWithoutTheParameterName()
    {
        var error = Assert.Throws<CliInputException>(() => OptionText.Checked<int>("--meter", () => throw new ArgumentException("not 11 digits", "meter")));

        Assert.Equal(("--meter", "not 11 digits"), (error.Option, error.Message));
        Assert.Throws<InvalidOperationException>(() => OptionText.Checked<int>("--meter", () => throw new InvalidOperationException("a fault")));
    }
}
