using System.CommandLine;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`sts test`: a class 1 meter test token (not encrypted, so no key).</summary>
internal static class StsTestCommand
{
    public static Command Create(TextWriter output)
    {
        var key = new StsKeyOptions();
        var control = new Option<string>("--control") { Description = "Control bits (36 for subclass 0, 28 for subclass 1)", Required = true };
        var manufacturer = new Option<string>("--mfr") { Description = "Manufacturer code (8 bits for subclass 0, 16 for subclass 1)", Required = true };
        var subclass = new Option<string>("--subclass") { Description = "0 or 1", DefaultValueFactory = _ => "0" };
        var command = new Command("test", "Make a meter test token") { control, manufacturer, subclass };
        key.AddTo(command, withKey: false);
        command.SetAction(result =>
        {
            var sub = (int)OptionText.Number("--subclass", result.GetValue(subclass)!, 0, 1);
            var (controlBits, manufacturerBits) = sub == 0 ? (36, 8) : (28, 16);
            var controlValue = OptionText.Number("--control", result.GetValue(control)!, 0, (1L << controlBits) - 1);
            var mfr = (int)OptionText.Number("--mfr", result.GetValue(manufacturer)!, 0, (1L << manufacturerBits) - 1);
            var token = TokenEncoder.Test(sub, (ulong)controlValue, mfr);
            StsCommands.WriteTokens(output, result.GetValue(key.Json), [token]);
            return 0;
        });
        return command;
    }
}
