using System.CommandLine;
using System.Globalization;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>`meter new|enter|show|insert-sim`: an emulated STS meter kept in a JSON state file.</summary>
internal static class MeterCommands
{
    private static readonly Dictionary<string, CreditKind> Kinds = new()
    {
        ["electricity"] = CreditKind.Electricity, ["water"] = CreditKind.Water, ["gas"] = CreditKind.Gas, ["time"] = CreditKind.Time,
        ["electricity-currency"] = CreditKind.ElectricityCurrency, ["water-currency"] = CreditKind.WaterCurrency,
        ["gas-currency"] = CreditKind.GasCurrency, ["time-currency"] = CreditKind.TimeCurrency,
    };

    public static Command Create(TextWriter output, TextWriter error, TimeProvider time) =>
        new("meter", "An emulated STS meter: keypad, TID memory, key change, lockout, credit register")
        {
            New(output, error), Enter(output, error, time), Show(output, error, time), InsertSimCommand.Create(output, error, time),
        };

    private static Command New(TextWriter output, TextWriter error)
    {
        var state = StateOption();
        var key = new MeterKeyOptions();
        var ken = new Option<string>("--ken") { Description = "Key expiry number 0..255 (default 255, never expires)" };
        var tidMemory = new Option<string>("--tid-memory") { Description = "TIDs remembered (default 50)" };
        var rate = new Option<string>("--rate") { Description = "Consumption in units per hour over simulated time (default none)" };
        var mfr = new Option<string>("--mfr") { Description = "Manufacturer code for test tokens (default: the meter number's leading 2 or 4 digits)" };
        var kind = new Option<string>("--kind") { Description = "What the register counts (default electricity)" };
        var force = new Option<bool>("--force") { Description = "Replace an existing state file" };
        var command = new Command("new", "Make a meter and write its state file") { state, ken, tidMemory, rate, mfr, kind, force };
        key.AddTo(command);
        EmulatorCli.SetAction(command, error, result =>
        {
            var path = EmulatorCli.Required(result, state);
            var meter = key.Resolve(result);
            meter = meter with
            {
                KeyExpiryNumber = (int)OptionText.Number("--ken", result.GetValue(ken) ?? "255", 0, 255),
                TidMemorySize = (int)OptionText.Number("--tid-memory", result.GetValue(tidMemory) ?? "50", 1, 100_000),
                RatePerHour = result.GetValue(rate) is { } r ? OptionText.Decimal("--rate", r) : null,
                ManufacturerCode = result.GetValue(mfr) is { } m ? (int)OptionText.Number("--mfr", m, 0, 0xFFFF) : meter.ManufacturerCode,
                Kind = OptionText.Choice("--kind", result.GetValue(kind) ?? "electricity", Kinds),
                IrIdentityKey = Ir.IrEnrolment.NewIdentityKey(), // made at manufacture; `ir enrol` registers its public half
            };
            EmulatorCli.SaveNew(path, meter, result.GetValue(force));
            output.WriteLine($"meter {meter.MeterNumber} written to {path}");
            return 0;
        });
        return command;
    }

    private static Command Enter(TextWriter output, TextWriter error, TimeProvider time)
    {
        var state = StateOption();
        var token = new Argument<string[]>("token") { Description = "The 20 digits (spaces and dashes allowed)", Arity = ArgumentArity.OneOrMore };
        var at = new Option<string>("--at") { Description = "When it is keyed in, ISO-8601 (default now); consumption runs up to it" };
        var json = JsonOption();
        var command = new Command("enter", "Key a token into the meter; prints the result code and the credit") { state, token, at, json };
        EmulatorCli.SetAction(command, error, result =>
        {
            var path = EmulatorCli.Required(result, state);
            var entry = StsMeter.Enter(Load(path), string.Join("", result.GetValue(token)!), EmulatorCli.Time("--at", result.GetValue(at), time));
            StateFile.Save(path, entry.State);
            output.WriteLine(result.GetValue(json)
                ? StateFile.OneLine(new { result = entry.Result, credit = entry.State.Credit, detail = entry.Detail })
                : $"{entry.Result} credit {Units(entry.State.Credit)}{Environment.NewLine}{entry.Detail}");
            return 0;
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error, TimeProvider time)
    {
        var state = StateOption();
        var at = new Option<string>("--at") { Description = "Show the credit as of this instant (consumption worked out, nothing written)" };
        var json = JsonOption();
        var command = new Command("show", "Print the meter's state (never its key)") { state, at, json };
        EmulatorCli.SetAction(command, error, result =>
        {
            var meter = Load(EmulatorCli.Required(result, state));
            if (result.GetValue(at) is { } text)
            {
                meter = StsMeter.Advance(meter, EmulatorCli.Time("--at", text, time));
            }

            var view = MeterView.Of(meter);
            output.WriteLine(result.GetValue(json) ? StateFile.OneLine(view) : view.ToText());
            return 0;
        });
        return command;
    }

    private static StsMeterState Load(string path) => EmulatorCli.LoadState<StsMeterState>(path, "meter new");

    internal static string Units(decimal value) => value.ToString("0.0###", CultureInfo.InvariantCulture);

    private static Option<string> StateOption() => new("--state") { Description = "The meter's JSON state file" };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object" };
}
