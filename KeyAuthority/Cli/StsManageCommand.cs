using System.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`sts manage`: a class 2 management token that sets or clears a meter register.</summary>
internal static class StsManageCommand
{
    private static readonly Dictionary<string, ManagementFunction> Functions = new()
    {
        ["set-max-power"] = ManagementFunction.SetMaximumPowerLimit, ["clear-credit"] = ManagementFunction.ClearCredit,
        ["set-tariff-rate"] = ManagementFunction.SetTariffRate, ["clear-tamper"] = ManagementFunction.ClearTamper,
        ["set-phase-unbalance"] = ManagementFunction.SetPhaseUnbalanceLimit, ["set-water-factor"] = ManagementFunction.SetWaterMeterFactor,
    };

    public static Command Create(TextWriter output)
    {
        var key = new StsKeyOptions();
        var function = new Option<string>("--function") { Description = string.Join("|", Functions.Keys), Required = true };
        var value = new Option<string>("--value") { Description = "Watts for the power limits, else the raw 16-bit field", Required = true };
        var at = new Option<string>("--at") { Description = "Issue time, ISO-8601", Required = true };
        var rnd = new Option<string>("--rnd") { Description = "Random nibble 0..15 (default: random)" };
        var command = new Command("manage", "Make a management token") { function, value, at, rnd };
        key.AddTo(command);
        command.SetAction(result =>
        {
            var chosen = CliParse.Choice("--function", result.GetValue(function)!, Functions);
            var field = TokenClass.UsesAmountEncoding(chosen)
                ? TokenAmount.Encode(CliParse.Number("--value", result.GetValue(value)!, 0, TokenAmount.Max))
                : (ushort)CliParse.Number("--value", result.GetValue(value)!, 0, ushort.MaxValue);
            var sts = key.Resolve(result);
            var tid = StsCommands.Tid(result, at, sts.BaseDate);
            var nibble = StsCommands.Rnd(result, rnd);
            var token = sts.Encoder().Management(chosen, field, tid, nibble);
            StsCommands.WriteTokens(output, result.GetValue(key.Json), [token], tid, nibble);
            return 0;
        });
        return command;
    }
}
