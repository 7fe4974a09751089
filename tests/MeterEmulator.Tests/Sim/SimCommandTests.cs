using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Tests.Sim;

public sealed class SimCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sim-cli-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 14, 5, 9, 123, TimeSpan.Zero));

    private string Sim => Path.Combine(folder, "phone.sim");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void NewStoreShow_TokenMessage_RoundTripsThroughTheImageFile()
    {
        Assert.Equal(0, Run("sim", "new", "--sim", Sim, "--records", "4").Code);
        Assert.Equal(0, Run("sim", "store", "--sim", Sim, "--from", "SMSVEND", "--text", "Token 1234 5678 9012 3456 7890 Ref 7F3A", "--at", "2026-11-24T17:05:09+03:00").Code);
        Assert.Equal(0, Run("sim", "store", "--sim", Sim, "--from", "+254712345678", "--text", "Lunch at 1? {€5}").Code);

        var (code, output, _) = Run("sim", "show", "--sim", Sim, "--json");

        Assert.Equal(0, code);
        var records = JsonDocument.Parse(output).RootElement.GetProperty("records");
        Assert.Equal(4, records.GetArrayLength());
        Assert.Equal("SMSVEND", records[0].GetProperty("sender").GetString());
        Assert.Equal("Token 1234 5678 9012 3456 7890 Ref 7F3A", records[0].GetProperty("text").GetString());
        Assert.Equal("2026-11-24T17:05:09+03:00", records[0].GetProperty("timestamp").GetString());
        Assert.Equal("unread", records[1].GetProperty("status").GetString());
        Assert.Equal("2026-11-24T14:05:09+00:00", records[1].GetProperty("timestamp").GetString()); // now, to the second
        Assert.Equal("Lunch at 1? {€5}", records[1].GetProperty("text").GetString());
        Assert.Equal("free", records[3].GetProperty("status").GetString());
        Assert.Equal(4 * 176, new FileInfo(Sim).Length);
    }

    [Fact]
    public void Show_Text_ListsARecordALine()
    {
        Run("sim", "new", "--sim", Sim, "--records", "2");
        Run("sim", "store", "--sim", Sim, "--from", "SMSVEND", "--text", "Token 12345678901234567890", "--at", "2026-11-24T17:05:09+03:00");

        var output = Run("sim", "show", "--sim", Sim).Output;

        Assert.Equal(["  1  unread   SMSVEND  2026-11-24T17:05:09+03:00  Token 12345678901234567890", "  2  free"], output.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Store_FullSim_FailsWithExitCode1()
    {
        Run("sim", "new", "--sim", Sim, "--records", "1");
        Run("sim", "store", "--sim", Sim, "--from", "SMSVEND", "--text", "one");

        var (code, _, error) = Run("sim", "store", "--sim", Sim, "--from", "SMSVEND", "--text", "two");

        Assert.Equal(1, code);
        Assert.Equal("error: SIM memory full: all 1 records are in use", error.TrimEnd());
    }

    [Theory]
    [InlineData("--records", "sim", "new", "--sim", "{sim}", "--records", "256")]
    [InlineData("--records", "sim", "new", "--sim", "{sim}", "--records", "ten")]
    [InlineData("--sim", "sim", "new", "--records", "5")]
    [InlineData("--sim", "sim", "new", "--sim")]
    [InlineData("--sim", "sim", "new", "--sim", "{existing}")]
    [InlineData("--sim", "sim", "show", "--sim", "{missing}")]
    [InlineData("--sim", "sim", "show", "--sim", "{garbage}")]
    [InlineData("--from", "sim", "store", "--sim", "{existing}", "--from", "TWELVECHARSX", "--text", "hi")]
    [InlineData("--from", "sim", "store", "--sim", "{existing}", "--text", "hi")]
    [InlineData("--text", "sim", "store", "--sim", "{existing}", "--from", "SMSVEND", "--text", "✓ done")]
    [InlineData("--text", "sim", "store", "--sim", "{existing}", "--from", "SMSVEND", "--text", "{long}")]
    [InlineData("--at", "sim", "store", "--sim", "{existing}", "--from", "SMSVEND", "--text", "hi", "--at", "yesterday")]
    [InlineData("--at", "sim", "store", "--sim", "{existing}", "--from", "SMSVEND", "--text", "hi", "--at", "2026-11-24T17:05:09+05:50")]
    [InlineData("show", "sim", "show", "--sim", "{existing}", "--colour")]
    [InlineData("sim", "sim", "eject")]
    public void Run_BadInput_ExitsWith2AndOneLineNamingTheOption(string option, params string[] args)
    {
        Run("sim", "new", "--sim", Path.Combine(folder, "existing.sim"));
        File.WriteAllBytes(Path.Combine(folder, "garbage.sim"), []);
        var before = File.ReadAllBytes(Path.Combine(folder, "existing.sim"));

        var (code, output, error) = Run([.. args.Select(Expand)]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {option}: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, "existing.sim")));
    }

    private string Expand(string arg) => arg switch
    {
        "{sim}" => Sim,
        "{long}" => new string('a', 161),
        ['{', .. var name, '}'] => Path.Combine(folder, name + ".sim"),
        _ => arg,
    };

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { SimCommand.Create(output, error, time) };
        var code = root.Parse(args).Invoke();
        return (code, output.ToString(), error.ToString());
    }
}
