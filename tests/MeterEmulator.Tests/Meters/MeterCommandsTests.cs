namespace SmsVending.MeterEmulator.Tests.Meters;

public sealed class MeterCommandsTests
{
    private static readonly string[] Example2Key =
        ["--vk", "ABABABABABABABAB", "--meter", "00000000000", "--sgc", "123456", "--ti", "01", "--krn", "1", "--kt", "2"];

    [Fact]
    public void NewEnterShow_SpecExample2_CreditAndTidKeptInTheStateFile()
    {
        using var folder = new TempFolder();
        var state = folder.File("meter.json");

        var created = EmulatorCliRun.Of(["meter", "new", "--state", state, .. Example2Key, "--rate", "0.5"]);
        var entered = EmulatorCliRun.Of("meter", "enter", "--state", state, "2371", "6100", "5011", "8319", "4197", "--at", "2020-06-01T12:00Z", "--json").Json();
        var replayed = EmulatorCliRun.Of("meter", "enter", "--state", state, "23716100501183194197", "--at", "2020-06-01T12:01Z");
        var shown = EmulatorCliRun.Of("meter", "show", "--state", state, "--json").Json();

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("Accept", entered.GetProperty("result").GetString());
        Assert.Equal(0.1m, entered.GetProperty("credit").GetDecimal());
        Assert.StartsWith("Used credit 0.0", replayed.Output, StringComparison.Ordinal);
        Assert.Equal(1, shown.GetProperty("tidCount").GetInt32());
        Assert.Equal(0x599863, shown.GetProperty("lastTid").GetInt32());
        Assert.Equal("Used", shown.GetProperty("lastResult").GetString());
        Assert.DoesNotContain("E653341F9D5BF36F", EmulatorCliRun.Of("meter", "show", "--state", state).Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void New_WithDk_TakesTheKeyAsGiven()
    {
        using var folder = new TempFolder();
        var state = folder.File("meter.json");

        EmulatorCliRun.Of("meter", "new", "--state", state, "--dk", "E653341F9D5BF36F", "--meter", "00000000000");
        var entered = EmulatorCliRun.Of("meter", "enter", "--state", state, "23716100501183194197", "--json").Json();

        Assert.Equal("Accept", entered.GetProperty("result").GetString());
    }

    [Theory]
    [InlineData("--krn", "12", "--krn: must be 1..9")]
    [InlineData("--sgc", "12", "--sgc: a supply group code has 6 digits")]
    [InlineData("--ea", "09", "--ea: expected one of")]
    public void New_BadOption_ExitCode2NamingTheOption(string option, string value, string message)
    {
        using var folder = new TempFolder();
        string[] args = ["meter", "new", "--state", folder.File("meter.json"), .. Example2Key.Where((_, i) => Example2Key[i - i % 2] != option), option, value];

        var run = EmulatorCliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {message}", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(folder.File("meter.json")));
    }

    [Fact]
    public void Enter_MissingStateFile_ExitCode2()
    {
        using var folder = new TempFolder();

        var run = EmulatorCliRun.Of("meter", "enter", "--state", folder.File("none.json"), "23716100501183194197");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --state:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Enter_BadAt_ExitCode2()
    {
        using var folder = new TempFolder();
        var state = folder.File("meter.json");
        EmulatorCliRun.Of(["meter", "new", "--state", state, .. Example2Key]);

        var run = EmulatorCliRun.Of("meter", "enter", "--state", state, "23716100501183194197", "--at", "yesterday");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --at:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_ExistingStateFileWithoutForce_ExitCode2()
    {
        using var folder = new TempFolder();
        var state = folder.File("meter.json");
        EmulatorCliRun.Of(["meter", "new", "--state", state, .. Example2Key]);

        var again = EmulatorCliRun.Of(["meter", "new", "--state", state, .. Example2Key]);
        var forced = EmulatorCliRun.Of(["meter", "new", "--state", state, .. Example2Key, "--force"]);

        Assert.Equal(2, again.ExitCode);
        Assert.Equal(0, forced.ExitCode);
    }
}
