using System.CommandLine;
using System.Security.Cryptography;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>--at and --rnd, which credit and management tokens share, and the issuing steps after the fields are known.</summary>
internal sealed class StsIssueOptions
{
    private readonly Option<string> at = new("--at") { Description = "Issue time, ISO-8601 (2004-03-01T13:55Z)", Required = true };
    private readonly Option<string> rnd = new("--rnd") { Description = "Random nibble 0..15 (default: random)" };

    public void AddTo(Command command)
    {
        command.Options.Add(at);
        command.Options.Add(rnd);
    }

    /// <summary>Resolves the key, works out TID and RND, makes the token and prints it.</summary>
    public int Issue(ParseResult result, StsKeyOptions key, TextWriter output, Func<TokenEncoder, int, int, StsToken> make)
    {
        var sts = key.Resolve(result);
        var time = OptionText.Time("--at", result.GetValue(at)!);
        var tid = OptionText.Checked("--at", () => TokenIdentifier.FromTime(time, sts.BaseDate));
        var nibble = result.GetValue(rnd) is { } text
            ? (int)OptionText.Number("--rnd", text, 0, 15)
            : RandomNumberGenerator.GetInt32(16); // every real token has a fresh one
        StsCommands.WriteTokens(output, result.GetValue(key.Json), [make(sts.Encoder(), tid, nibble)], tid, nibble);
        return 0;
    }
}
