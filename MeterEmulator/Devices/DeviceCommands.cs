using System.CommandLine;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.OpenPaygo;
using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Devices;

/// <summary>`device new|enter|show`: an emulated OpenPAYGO device over the Contracts device logic, kept in a JSON state file.</summary>
internal static class DeviceCommands
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time) =>
        new("device", "An emulated OpenPAYGO device: token chain, used-count window, brute-force wait, days of use")
        {
            New(output, error), Enter(output, error, time), Show(output, error, time),
        };

    private static Command New(TextWriter output, TextWriter error)
    {
        var state = StateOption();
        var key = new Option<string>("--key") { Description = "The device key, 32 hex digits" };
        var startingCode = new Option<string>("--starting-code") { Description = "The device's 9-digit starting code" };
        var divider = new Option<string>("--time-divider") { Description = "Values are days × this (1..255, default 1)" };
        var count = new Option<string>("--count") { Description = "The count from the manufacturer's CSV (default 1)" };
        var restricted = new Option<bool>("--restricted") { Description = "Restricted digit mode (keypads with keys 1-4 only)" };
        var extended = new Option<bool>("--extended") { Description = "Also take extended 12-digit tokens" };
        var force = new Option<bool>("--force") { Description = "Replace an existing state file" };
        var command = new Command("new", "Make a device and write its state file") { state, key, startingCode, divider, count, restricted, extended, force };
        EmulatorCli.SetAction(command, error, result =>
        {
            var path = EmulatorCli.Required(result, state);
            var keyText = EmulatorCli.Required(result, key);
            var device = new OpenPaygoDeviceState
            {
                Key = TokenOptionText.OpenPaygoKeyHex(keyText),
                StartingCode = (int)OptionText.Number("--starting-code", EmulatorCli.Required(result, startingCode), 0, 999_999_999),
                TimeDivider = (int)OptionText.Number("--time-divider", result.GetValue(divider) ?? "1", 1, 255),
                LastCount = (int)OptionText.Number("--count", result.GetValue(count) ?? "1", 0, 65_535),
                Restricted = result.GetValue(restricted),
                Extended = result.GetValue(extended),
            };
            EmulatorCli.SaveNew(path, device, result.GetValue(force));
            output.WriteLine($"device written to {path}");
            return 0;
        });
        return command;
    }

    private static Command Enter(TextWriter output, TextWriter error, TimeProvider time)
    {
        var state = StateOption();
        var token = new Argument<string[]>("token") { Description = "The token digits (spaces allowed)", Arity = ArgumentArity.OneOrMore };
        var at = new Option<string>("--at") { Description = "When it is keyed in, ISO-8601 (default now)" };
        var json = JsonOption();
        var command = new Command("enter", "Key a token into the device; prints the result and how long it runs") { state, token, at, json };
        EmulatorCli.SetAction(command, error, result =>
        {
            var path = EmulatorCli.Required(result, state);
            var now = EmulatorCli.Time("--at", result.GetValue(at), time);
            var entry = OpenPaygoDevice.EnterToken(Load(path), string.Join("", result.GetValue(token)!), now);
            StateFile.Save(path, entry.State);
            var r = entry.Result;
            output.WriteLine(result.GetValue(json)
                ? StateFile.OneLine(new { result = r.Status, type = r.Type, value = r.Value, count = r.Count, reason = r.Reason, active = entry.State.IsActive(now), activeUntil = entry.State.ActiveUntil, paygDisabled = entry.State.PaygDisabled })
                : $"{r.Status}{(r.Type is { } type ? $" {type} {r.Value} (count {r.Count})" : "")}{(r.Reason is { } reason ? $": {reason}" : "")}{Environment.NewLine}{Status(entry.State, now)}");
            return 0;
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error, TimeProvider time)
    {
        var state = StateOption();
        var at = new Option<string>("--at") { Description = "Whether it runs at this instant, ISO-8601 (default now)" };
        var json = JsonOption();
        var command = new Command("show", "Print the device's state (never its key)") { state, at, json };
        EmulatorCli.SetAction(command, error, result =>
        {
            var device = Load(EmulatorCli.Required(result, state));
            var now = EmulatorCli.Time("--at", result.GetValue(at), time);
            output.WriteLine(result.GetValue(json)
                ? StateFile.OneLine(new
                {
                    startingCode = device.StartingCode, lastCount = device.LastCount, usedCounts = device.UsedCounts, timeDivider = device.TimeDivider,
                    restricted = device.Restricted, extended = device.Extended, invalidCount = device.InvalidCount, lockedUntil = device.LockedUntil,
                    active = device.IsActive(now), activeUntil = device.ActiveUntil, paygDisabled = device.PaygDisabled,
                })
                : $"count {device.LastCount}, invalid entries {device.InvalidCount}{(device.LockedUntil > now ? $", locked until {device.LockedUntil:O}" : "")}{Environment.NewLine}{Status(device, now)}");
            return 0;
        });
        return command;
    }

    private static string Status(OpenPaygoDeviceState device, DateTimeOffset now) =>
        device.PaygDisabled ? "active for good (PAYG disabled)"
        : device.IsActive(now) ? $"active until {device.ActiveUntil:O}"
        : "inactive";

    private static OpenPaygoDeviceState Load(string path) => EmulatorCli.LoadState<OpenPaygoDeviceState>(path, "device new");

    private static Option<string> StateOption() => new("--state") { Description = "The device's JSON state file" };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object" };
}
