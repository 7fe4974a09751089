using System.Diagnostics;
using System.Text.Json;

namespace SmsVending.Distributed.Tests.Support;

/// <summary>What the meter emulator's `load --json` reports.</summary>
internal sealed record LoadReport(int Purchases, int Replies, int TokensAccepted, Dictionary<string, int> Rejections, int Duplicates, int Errors,
    double ThroughputPerSec, int TokenSetsAccepted, int ExtraTokenSets, Dictionary<string, int> ErrorReasons, int PendingNotices);

/// <summary>The meter emulator's load driver as its own process against a distributed system, running while the test does harm.</summary>
internal sealed class LoadDriver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Task<CommandResult> run;
    private readonly DistributedSystem system;

    private LoadDriver(Task<CommandResult> run, DistributedSystem system) => (this.run, this.system) = (run, system);

    /// <summary>Starts `load` with <paramref name="customers"/> new customers making <paramref name="purchases"/> purchases in all.</summary>
    /// <remarks>Replies may wait out a restart (a server's stop, its start, the services' reconnection and the redelivery after
    /// it), so a phone waits five minutes for its answer: these runs check that every purchase ends exactly once, not how fast.</remarks>
    /// <param name="rate">Purchases started per second; null: as fast as answers come.</param>
    public static LoadDriver Start(DistributedSystem system, int customers, int purchases, int concurrency = 64, double? rate = null) => new(Command.RunAsync("dotnet",
        [Repository.Dll("MeterEmulator"), "load", "--gateway", system.GatewayUrl.AbsoluteUri, "--credentials", system.CredentialsFile,
            "--phones-url", system.PhonesUrl, "--money-url", system.MoneyUrl, "--customers", $"{customers}", "--purchases", $"{purchases}",
            "--concurrency", $"{concurrency}", "--reply-timeout", "300", "--json",
            .. rate is { } r ? new[] { "--rate", r.ToString(System.Globalization.CultureInfo.InvariantCulture) } : []],
        new Dictionary<string, string>(), TimeSpan.FromMinutes(15)), system);

    public bool Finished => run.IsCompleted;

    /// <summary>For a failure message: how the run ended, when it has.</summary>
    public string Ending => run.IsCompletedSuccessfully ? $"--- the load driver ended early, {run.Result}" : "";

    /// <summary>The report once the run ends; when it printed none, the run's whole output and the services' errors.</summary>
    public async Task<(LoadReport Report, string Output)> ReportAsync()
    {
        var result = await run;
        var line = result.Output.Split('\n').LastOrDefault(l => l.StartsWith("{\"purchases\"", StringComparison.Ordinal));
        if (line is null)
        {
            // A driver that stops early (a refused payment in provisioning, say) says what it saw; why the system did it is in its logs.
            Assert.Fail($"the load driver printed no report, {result}\n{await system.DiagnosticsAsync()}");
        }

        return (JsonSerializer.Deserialize<LoadReport>(line, Json)!, result.Output);
    }

    /// <summary>Waits (bounded) until <paramref name="probe"/> holds while the run goes on; false when the run ended first.</summary>
    public async Task<bool> WhenAsync(Func<Task<bool>> probe, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (!Finished && deadline.Elapsed < limit)
        {
            if (await probe())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
