using System.CommandLine;
using SmsVending.Contracts.CommandLine;
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
        var issue = new StsIssueOptions();
        var command = new Command("manage", "Make a management token") { function, value };
        issue.AddTo(command);
        key.AddTo(command);
        command.SetAction(result =>
        {
            var chosen = OptionText.Choice("--function", result.GetValue(function)!, Functions);
            var field = TokenClass.UsesAmountEncoding(chosen)
                ? TokenAmount.Encode(OptionText.Number("--value", result.GetValue(value)!, 0, TokenAmount.Max))
                : (ushort)OptionText.Number("--value", result.GetValue(value)!, 0, ushort.MaxValue);
            return issue.Issue(result, key, output, (encoder, tid, rnd) => encoder.Management(chosen, field, tid, rnd));
        });
        return command;
    }
}
