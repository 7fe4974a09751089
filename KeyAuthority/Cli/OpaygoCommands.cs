using System.CommandLine;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>The `opaygo` command group: make and check OpenPAYGO tokens.</summary>
internal static class OpaygoCommands
{
    public static Command Create(TextWriter output, TimeProvider time) => new("opaygo", "OpenPAYGO Token engineering tokens")
    {
        OpaygoTokenCommand.Create(output),
        OpaygoDecodeCommand.Create(output, time),
    };
}
