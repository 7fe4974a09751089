using SmsVending.MeterEmulator.Tests.Meters;

namespace SmsVending.MeterEmulator.Tests.Devices;

public sealed class DeviceCommandsTests
{
    private const string Key = "a29ab82edc5fbbc41ec9530f6dac86b1"; // openpaygo.md checked examples

    [Fact]
    public void NewEnterShow_CheckedExamples_AddTimeThenAlreadyUsed()
    {
        using var folder = new TempFolder();
        var state = folder.File("device.json");

        var created = EmulatorCliRun.Of("device", "new", "--state", state, "--key", Key, "--starting-code", "123456789", "--count", "0");
        var added = EmulatorCliRun.Of("device", "enter", "--state", state, "662486790", "--at", "2020-06-01T12:00Z", "--json").Json();
        var again = EmulatorCliRun.Of("device", "enter", "--state", state, "662486790", "--at", "2020-06-01T12:01Z", "--json").Json();
        var shown = EmulatorCliRun.Of("device", "show", "--state", state, "--at", "2020-06-01T18:00Z", "--json").Json();

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("Valid", added.GetProperty("result").GetString());
        Assert.Equal("AddTime", added.GetProperty("type").GetString());
        Assert.Equal(2, added.GetProperty("count").GetInt32());
        Assert.Equal("AlreadyUsed", again.GetProperty("result").GetString());
        Assert.Equal(2, shown.GetProperty("lastCount").GetInt32());
        Assert.True(shown.GetProperty("active").GetBoolean());
        Assert.Equal(new DateTimeOffset(2020, 6, 2, 12, 0, 0, TimeSpan.Zero), shown.GetProperty("activeUntil").GetDateTimeOffset());
        Assert.DoesNotContain(Key, EmulatorCliRun.Of("device", "show", "--state", state).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Enter_InvalidToken_InvalidThenLockedOut()
    {
        using var folder = new TempFolder();
        var state = folder.File("device.json");
        EmulatorCliRun.Of("device", "new", "--state", state, "--key", Key, "--starting-code", "123456789");

        var invalid = EmulatorCliRun.Of("device", "enter", "--state", state, "123456789", "--at", "2020-06-01T12:00Z", "--json").Json();
        var locked = EmulatorCliRun.Of("device", "enter", "--state", state, "662486790", "--at", "2020-06-01T12:00:30Z", "--json").Json();

        Assert.Equal("Invalid", invalid.GetProperty("result").GetString());
        Assert.Equal("LockedOut", locked.GetProperty("result").GetString());
    }

    [Fact]
    public void New_BadKey_ExitCode2NamingTheOption()
    {
        using var folder = new TempFolder();

        var run = EmulatorCliRun.Of("device", "new", "--state", folder.File("device.json"), "--key", "xyz", "--starting-code", "123456789");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --key:", run.Error, StringComparison.Ordinal);
    }
}
