using System.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>The `sts` command group: make, explain and test STS tokens.</summary>
internal static class StsCommands
{
    public static Command Create(TextWriter output) => new("sts", "STS (IEC 62055-41) engineering tokens")
    {
        StsKeyCommand.Create(output),
        StsCreditCommand.Create(output),
        StsManageCommand.Create(output),
        StsKeyChangeCommand.Create(output),
        StsTestCommand.Create(output),
        StsDecodeCommand.Create(output),
    };

    /// <summary>Prints tokens grouped for people, or as plain 20-digit strings in "tokens" for scripts.</summary>
    public static void WriteTokens(TextWriter output, bool json, IReadOnlyList<StsToken> tokens, int? tid = null, int? rnd = null)
    {
        var shape = new { tokens = tokens.Select(t => t.ToString()), tid, rnd };
        new CliOutput(output, json).Write(shape, tokens.Select(t => t.ToGroupedString()));
    }
}
