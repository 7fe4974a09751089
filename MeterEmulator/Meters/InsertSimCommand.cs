using System.CommandLine;
using SmsVending.Contracts.CommandLine;
using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>`meter insert-sim`: the phone's SIM goes into the meter's slot; the utility's token messages are keyed in, in
/// record order, and marked read (the patent's storage-device path).</summary>
internal static class InsertSimCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var state = new Option<string>("--state") { Description = "The meter's JSON state file" };
        var sim = new Option<string>("--sim") { Description = "The SIM image (sim new / sim store)" };
        var sender = new Option<string>("--sender") { Description = "The utility's sender id; other senders' messages are skipped (default SMSVEND)" };
        var at = new Option<string>("--at") { Description = "When the SIM goes in, ISO-8601 (default now)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("insert-sim", "Read the utility's tokens off a SIM into the meter and mark them read") { state, sim, sender, at, json };
        EmulatorCli.SetAction(command, error, result =>
        {
            var meterPath = EmulatorCli.Required(result, state);
            var simPath = EmulatorCli.Required(result, sim);
            if (!File.Exists(simPath))
            {
                throw new CliInputException("--sim", $"{simPath} does not exist; make one with sim new");
            }

            var when = EmulatorCli.Time("--at", result.GetValue(at), time);
            var meter = EmulatorCli.LoadState<StsMeterState>(meterPath, "meter new");
            var report = SimSlot.Insert(simPath, result.GetValue(sender) ?? "SMSVEND", digits =>
            {
                var entry = StsMeter.Enter(meter, digits, when);
                meter = entry.State;
                return entry.Result.ToString();
            });
            StateFile.Save(meterPath, meter);
            output.WriteLine(result.GetValue(json)
                ? StateFile.OneLine(new { records = report.Records, credit = meter.Credit })
                : string.Join(Environment.NewLine, report.Records.Select(Line).Append($"credit {MeterCommands.Units(meter.Credit)}")));
            return 0;
        });
        return command;
    }

    private static string Line(SimRecordReport record) =>
        $"record {record.Number}: {record.Outcome}{(record.Sender is null ? "" : $" from {record.Sender}")}{(record.Reason is null ? "" : $" ({record.Reason})")}"
        + string.Concat(record.Tokens.Select(t => $"{Environment.NewLine}  {t.Token} {t.Result}"));
}
