using System.CommandLine;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`opaygo decode`: what a device in a given state would make of a token.</summary>
internal static class OpaygoDecodeCommand
{
    public static Command Create(TextWriter output, TimeProvider time)
    {
        var device = new OpaygoDeviceOptions();
        var lastCount = new Option<string>("--last-count") { Description = "The device's last count", Required = true };
        var usedCounts = new Option<string>("--used-counts") { Description = "The device's 16-bit used-count window", DefaultValueFactory = _ => "0" };
        var divider = new Option<string>("--divider") { Description = "The device's time divider, to show days", DefaultValueFactory = _ => "1" };
        var token = new Argument<string[]>("TOKEN") { Description = "The token's digits (spaces allowed)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("decode", "Check a token as the device would") { lastCount, usedCounts, divider, token };
        device.AddTo(command);
        command.SetAction(result =>
        {
            var mode = device.Mode(result);
            var state = new OpenPaygoDeviceState
            {
                Key = device.KeyHex(result),
                StartingCode = device.StartingCode(result),
                LastCount = (int)OptionText.Number("--last-count", result.GetValue(lastCount)!, 0, OpenPaygoEncoder.MaxCount),
                UsedCounts = (ushort)OptionText.Number("--used-counts", result.GetValue(usedCounts)!, 0, ushort.MaxValue),
                TimeDivider = (int)OptionText.Number("--divider", result.GetValue(divider)!, 1, OpenPaygoDays.MaxTimeDivider),
                Restricted = mode.HasFlag(OpenPaygoMode.RestrictedDigits),
                Extended = mode.HasFlag(OpenPaygoMode.Extended),
            };
            var entry = OpenPaygoDevice.EnterToken(state, string.Join("", result.GetValue(token)!), time.GetUtcNow());
            Write(output, result.GetValue(device.Json), entry);
            return 0;
        });
        return command;
    }

    private static void Write(TextWriter output, bool json, OpenPaygoEntry entry)
    {
        var r = entry.Result;
        var status = r.Status switch
        {
            OpenPaygoEntryStatus.Valid => "valid",
            OpenPaygoEntryStatus.AlreadyUsed => "already-used",
            OpenPaygoEntryStatus.LockedOut => "locked-out",
            _ => "invalid",
        };
        var type = r.Type is { } t ? OpaygoDeviceOptions.TypeName(t) : null;
        decimal? days = r.Type is OpenPaygoTokenType.AddTime or OpenPaygoTokenType.SetTime && r.Value is { } v
            ? OpenPaygoDays.ToDays(v, entry.State.TimeDivider)
            : null;
        var shape = new
        {
            valid = r.Status == OpenPaygoEntryStatus.Valid, status, type, value = r.Value, days, count = r.Count,
            lastCount = entry.State.LastCount, usedCounts = entry.State.UsedCounts, reason = r.Reason,
        };
        var line = r.Status == OpenPaygoEntryStatus.Valid
            ? $"valid: {type} value {r.Value}{(days is null ? "" : $" ({days} day{(days == 1 ? "" : "s")})")}, count {r.Count}"
            : $"{status}: {r.Reason}";
        new CliOutput(output, json).Write(shape, line, $"device now: last count {entry.State.LastCount}, used counts 0x{entry.State.UsedCounts:X4}");
    }
}
