using System.CommandLine;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>The options both opaygo commands share: the device's key, starting code, token mode and --json.</summary>
internal sealed class OpaygoDeviceOptions
{
    public static readonly Dictionary<string, OpenPaygoTokenType> Types = new()
    {
        ["add-time"] = OpenPaygoTokenType.AddTime, ["set-time"] = OpenPaygoTokenType.SetTime,
        ["disable"] = OpenPaygoTokenType.DisablePayg, ["counter-sync"] = OpenPaygoTokenType.CounterSync,
    };

    private readonly Option<string> key = new("--key") { Description = "The device key, 32 hex digits", Required = true };
    private readonly Option<string> startingCode = new("--starting-code") { Description = "The device's 9-digit starting code", Required = true };
    private readonly Option<bool> restricted = new("--restricted") { Description = "Restricted digit mode (keypads with keys 1-4 only)" };
    private readonly Option<bool> extended = new("--extended") { Description = "Extended 12-digit tokens" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object" };

    public void AddTo(Command command)
    {
        command.Options.Add(key);
        command.Options.Add(startingCode);
        command.Options.Add(restricted);
        command.Options.Add(extended);
        command.Options.Add(Json);
    }

    public string KeyHex(ParseResult result) => TokenOptionText.OpenPaygoKeyHex(result.GetValue(key)!);

    public int StartingCode(ParseResult result) => (int)OptionText.Number("--starting-code", result.GetValue(startingCode)!, 0, 999_999_999);

    public OpenPaygoMode Mode(ParseResult result) =>
        (result.GetValue(extended) ? OpenPaygoMode.Extended : OpenPaygoMode.Standard)
        | (result.GetValue(restricted) ? OpenPaygoMode.RestrictedDigits : OpenPaygoMode.Standard);

    public static string TypeName(OpenPaygoTokenType type) => Types.First(pair => pair.Value == type).Key;
}
