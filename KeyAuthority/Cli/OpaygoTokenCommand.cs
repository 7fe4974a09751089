using System.CommandLine;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`opaygo token`: the next token for a device, and the count to store after it.</summary>
internal static class OpaygoTokenCommand
{
    public static Command Create(TextWriter output)
    {
        var device = new OpaygoDeviceOptions();
        var count = new Option<string>("--count") { Description = "The device's last count before this token", Required = true };
        var type = new Option<string>("--type") { Description = string.Join("|", OpaygoDeviceOptions.Types.Keys), Required = true };
        var value = new Option<string>("--value") { Description = "Raw value: days × divider (0..995; extended 0..999999)" };
        var days = new Option<string>("--days") { Description = "Days of use, with --divider" };
        var divider = new Option<string>("--divider") { Description = "The device's time divider, 1..255", DefaultValueFactory = _ => "1" };
        var command = new Command("token", "Make an OpenPAYGO token") { count, type, value, days, divider };
        device.AddTo(command);
        command.SetAction(result =>
        {
            var tokenType = OptionText.Choice("--type", result.GetValue(type)!, OpaygoDeviceOptions.Types);
            var mode = device.Mode(result);
            var raw = Value(result, tokenType, mode, value, days, divider);
            var lastCount = (int)OptionText.Number("--count", result.GetValue(count)!, 0, OpenPaygoEncoder.MaxCount);
            var key = OpenPaygoKey.Parse(device.KeyHex(result));
            var startingCode = device.StartingCode(result);
            var token = OptionText.Checked("--type", () => OpenPaygoEncoder.Generate(key, startingCode, lastCount, tokenType, raw, mode));
            new CliOutput(output, result.GetValue(device.Json)).Write(
                new { tokens = new[] { token.Digits }, count = token.Count },
                $"{token.Digits}", $"count {token.Count}");
            return 0;
        });
        return command;
    }

    private static int Value(ParseResult result, OpenPaygoTokenType type, OpenPaygoMode mode,
        Option<string> value, Option<string> days, Option<string> divider)
    {
        var (valueText, daysText) = (result.GetValue(value), result.GetValue(days));
        if (type is OpenPaygoTokenType.DisablePayg or OpenPaygoTokenType.CounterSync)
        {
            return valueText is null && daysText is null
                ? 0
                : throw new CliInputException(valueText is null ? "--days" : "--value", $"a {OpaygoDeviceOptions.TypeName(type)} token carries no value");
        }

        var max = mode.HasFlag(OpenPaygoMode.Extended) ? OpenPaygoEncoder.MaxExtendedValue : OpenPaygoEncoder.MaxStandardValue;
        return (valueText, daysText) switch
        {
            (not null, not null) => throw new CliInputException("--value", "give either --value or --days, not both"),
            (not null, null) => (int)OptionText.Number("--value", valueText, 0, max),
            (null, not null) => OptionText.Checked("--days", () => OpenPaygoDays.ToValue(
                OptionText.Decimal("--days", daysText),
                (int)OptionText.Number("--divider", result.GetValue(divider)!, 1, OpenPaygoDays.MaxTimeDivider),
                mode)),
            _ => throw new CliInputException("--value", $"a {OpaygoDeviceOptions.TypeName(type)} token needs --value or --days"),
        };
    }
}
