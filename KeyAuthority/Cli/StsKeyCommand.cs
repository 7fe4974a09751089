using System.CommandLine;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`sts dk`: prints a meter's decoder key.</summary>
internal static class StsKeyCommand
{
    public static Command Create(TextWriter output)
    {
        var key = new StsKeyOptions();
        var command = new Command("dk", "Print the decoder key (hex, big-endian)");
        key.AddTo(command);
        command.SetAction(result =>
        {
            var dk = key.Resolve(result).DecoderKey.ToHex();
            new CliOutput(output, result.GetValue(key.Json)).Write(new { dk }, dk);
            return 0;
        });
        return command;
    }
}
