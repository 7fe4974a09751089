using System.CommandLine;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`sts credit`: a class 0 credit token.</summary>
internal static class StsCreditCommand
{
    private static readonly Dictionary<string, CreditKind> Kinds = new()
    {
        ["electricity"] = CreditKind.Electricity, ["water"] = CreditKind.Water, ["gas"] = CreditKind.Gas, ["time"] = CreditKind.Time,
        ["electricity-currency"] = CreditKind.ElectricityCurrency, ["water-currency"] = CreditKind.WaterCurrency,
        ["gas-currency"] = CreditKind.GasCurrency, ["time-currency"] = CreditKind.TimeCurrency,
    };

    public static Command Create(TextWriter output)
    {
        var key = new StsKeyOptions();
        var kind = new Option<string>("--kind") { Description = string.Join("|", Kinds.Keys), Required = true };
        var amount = new Option<string>("--amount") { Description = "Amount in the kind's unit, 0.1 resolution (rounded up)", Required = true };
        var issue = new StsIssueOptions();
        var command = new Command("credit", "Make a credit token") { kind, amount };
        issue.AddTo(command);
        key.AddTo(command);
        command.SetAction(result =>
        {
            var creditKind = OptionText.Choice("--kind", result.GetValue(kind)!, Kinds);
            var units = OptionText.Decimal("--amount", result.GetValue(amount)!);
            var field = TokenAmount.Encode(OptionText.Checked("--amount", () => TokenAmount.TenthsOf(units)));
            return issue.Issue(result, key, output, (encoder, tid, rnd) => encoder.Credit(creditKind, field, tid, rnd));
        });
        return command;
    }
}
