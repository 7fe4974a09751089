namespace SmsVending.KeyAuthority.Tests.Cli;

public class OpaygoCliTests
{
    private const string Device = "--key a29ab82edc5fbbc41ec9530f6dac86b1 --starting-code 123456789";

    [Theory]
    [InlineData("--count 0 --type add-time --value 1", "662486790", 2)]
    [InlineData("--count 0 --type add-time --days 1", "662486790", 2)]
    [InlineData("--count 2 --type add-time --days 29", "927706818", 4)]
    [InlineData("--count 4 --type set-time --days 7", "942433796", 5)]
    [InlineData("--count 5 --type disable", "650975787", 7)]
    [InlineData("--count 7 --type set-time --value 0", "592185789", 9)]
    [InlineData("--count 0 --type add-time --value 1 --restricted", "324244134441123", 2)]
    public void Token_SpecSequence_PrintsTokenAndNewCount(string args, string token, int count)
    {
        var json = CliRun.Of($"opaygo token {Device} {args} --json").Json();

        Assert.Equal([token], json.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(count, json.GetProperty("count").GetInt32());
    }

    [Fact]
    public void Token_DaysWithDivider_ScalesTheValue()
    {
        var token = CliRun.Of($"opaygo token {Device} --count 0 --type add-time --days 3 --divider 4 --json").Tokens()[0];

        var decoded = CliRun.Of($"opaygo decode {Device} --last-count 0 --divider 4 {token} --json").Json();

        Assert.Equal((12, 3m), (decoded.GetProperty("value").GetInt32(), decoded.GetProperty("days").GetDecimal()));
    }

    [Theory]
    [InlineData("--last-count 0 662486790", true, "valid")]
    [InlineData("--last-count 2 662486790", false, "already-used")]
    [InlineData("--last-count 0 123456789", false, "invalid")]
    [InlineData("--last-count 0 --restricted 324244134441123", true, "valid")]
    public void Decode_JudgesAsTheDeviceWould(string args, bool valid, string status)
    {
        var json = CliRun.Of($"opaygo decode {Device} {args} --json").Json();

        Assert.Equal((valid, status), (json.GetProperty("valid").GetBoolean(), json.GetProperty("status").GetString()));
    }

    [Fact]
    public void Decode_ValidAddTime_ShowsTypeValueCountAndNewWindow()
    {
        var json = CliRun.Of($"opaygo decode {Device} --last-count 2 927706818 --json").Json();

        Assert.Equal("add-time", json.GetProperty("type").GetString());
        Assert.Equal((29, 4, 4), (json.GetProperty("value").GetInt32(), json.GetProperty("count").GetInt32(), json.GetProperty("lastCount").GetInt32()));
    }

    [Fact]
    public void Token_ExtendedRoundTrip_DecodesWithExtended()
    {
        var token = CliRun.Of($"opaygo token {Device} --count 10 --type add-time --value 123456 --extended --json").Tokens()[0];

        var json = CliRun.Of($"opaygo decode {Device} --last-count 10 --extended {token} --json").Json();

        Assert.Equal(12, token.Length);
        Assert.Equal((123456, 12), (json.GetProperty("value").GetInt32(), json.GetProperty("count").GetInt32()));
    }

    [Theory]
    [InlineData("opaygo token --key zz --starting-code 123456789 --count 0 --type add-time --value 1", "--key")]
    [InlineData("opaygo token " + Device + " --count 0 --type add --value 1", "--type")]
    [InlineData("opaygo token " + Device + " --count 0 --type add-time", "--value")]
    [InlineData("opaygo token " + Device + " --count 0 --type add-time --value 996", "--value")]
    [InlineData("opaygo token " + Device + " --count 0 --type add-time --value 1 --days 1", "--value")]
    [InlineData("opaygo token " + Device + " --count 0 --type add-time --days 996", "--days")]
    [InlineData("opaygo token " + Device + " --count 0 --type disable --value 5", "--value")]
    [InlineData("opaygo token " + Device + " --count 0 --type disable --extended", "--type")]
    [InlineData("opaygo token " + Device + " --count -1 --type add-time --value 1", "--count")]
    [InlineData("opaygo token --key a29ab82edc5fbbc41ec9530f6dac86b1 --starting-code 1234567890 --count 0 --type add-time --value 1", "--starting-code")]
    [InlineData("opaygo decode " + Device + " 662486790", "--last-count")]
    [InlineData("opaygo decode " + Device + " --last-count 0 --used-counts 65536 662486790", "--used-counts")]
    public void BadInput_OneLineOnStderrNamingTheOption_ExitCode2(string commandLine, string named)
    {
        var run = CliRun.Of(commandLine);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains(named, run.Error);
    }
}
