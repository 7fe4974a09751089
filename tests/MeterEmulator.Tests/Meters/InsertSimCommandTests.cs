namespace SmsVending.MeterEmulator.Tests.Meters;

/// <summary>`meter insert-sim`: the utility's token SMS stored on the SIM reach the meter through its slot.</summary>
public sealed class InsertSimCommandTests
{
    private static readonly string[] Example2Key =
        ["--vk", "ABABABABABABABAB", "--meter", "00000000000", "--sgc", "123456", "--ti", "01", "--krn", "1", "--kt", "2"];

    [Fact]
    public void InsertSim_UtilityTokenOnTheSim_IsAcceptedOnceAndForeignMessagesSkipped()
    {
        using var folder = new TempFolder();
        var (state, sim) = (folder.File("meter.json"), folder.File("phone.sim"));
        EmulatorCliRun.Of(["meter", "new", "--state", state, .. Example2Key]);
        EmulatorCliRun.Of("sim", "new", "--sim", sim);
        EmulatorCliRun.Of("sim", "store", "--sim", sim, "--from", "FRIEND", "--text", "Token 1111 2222 3333 4444 5555 from a friend");
        EmulatorCliRun.Of("sim", "store", "--sim", sim, "--from", "SMSVEND", "--text", "Token 2371 6100 5011 8319 4197 Mtr 00000000000 0.1kWh Ref ABC123");

        var first = EmulatorCliRun.Of("meter", "insert-sim", "--state", state, "--sim", sim, "--at", "2020-06-01T12:00Z", "--json").Json();
        var again = EmulatorCliRun.Of("meter", "insert-sim", "--state", state, "--sim", sim, "--at", "2020-06-01T12:05Z");

        Assert.Equal(0.1m, first.GetProperty("credit").GetDecimal());
        var records = first.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal("ForeignSender", records[0].GetProperty("outcome").GetString());
        Assert.Equal("Accept", records[1].GetProperty("tokens")[0].GetProperty("result").GetString());
        Assert.Contains("23716100501183194197 Used", again.Output, StringComparison.Ordinal);
        Assert.Contains("credit 0.1", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertSim_NoSuchSim_ExitCode2NamingTheOption()
    {
        using var folder = new TempFolder();
        var state = folder.File("meter.json");
        EmulatorCliRun.Of(["meter", "new", "--state", state, .. Example2Key]);

        var run = EmulatorCliRun.Of("meter", "insert-sim", "--state", state, "--sim", folder.File("missing.sim"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --sim:", run.Error, StringComparison.Ordinal);
    }
}
