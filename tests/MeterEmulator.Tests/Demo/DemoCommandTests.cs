using System.CommandLine;
using SmsVending.MeterEmulator.Demo;

namespace SmsVending.MeterEmulator.Tests.Demo;

public class DemoCommandTests
{
    private static readonly string[] Required = ["demo", "--gateway", "http://127.0.0.1:5000", "--credentials", "credentials.json"];

    [Fact]
    public void Parse_ASeed_TakesItsNumber()
    {
        var result = new RootCommand { DemoCommand.Create() }.Parse([.. Required, "--seed", "7"]);

        Assert.Empty(result.Errors);
        Assert.Equal(7, result.GetValue<int?>("--seed"));
    }

    [Fact]
    public void Parse_NoSeed_LeavesTheStoryRandom()
    {
        var result = new RootCommand { DemoCommand.Create() }.Parse(Required);

        Assert.Empty(result.Errors);
        Assert.Null(result.GetValue<int?>("--seed"));
    }

    [Fact]
    public void Parse_ASeedThatIsNotANumber_SaysSo()
    {
        var result = new RootCommand { DemoCommand.Create() }.Parse([.. Required, "--seed", "seven"]);

        Assert.Contains(result.Errors, e => e.Message.Contains("seven", StringComparison.Ordinal) && e.Message.Contains("--seed", StringComparison.Ordinal));
    }
}
