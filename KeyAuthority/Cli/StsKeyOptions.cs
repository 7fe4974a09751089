using System.CommandLine;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>The options every sts command shares: the meter's key (given or derived), EA, base date and --json.</summary>
internal sealed class StsKeyOptions
{
    private readonly Option<string> dk = new("--dk") { Description = "Decoder key, 16 (EA07) or 32 (EA11) hex digits" };
    private readonly Option<string> vk = new("--vk") { Description = "Vending key: 16 hex digits (DKGA02) or 40 (DKGA04)" };
    private readonly Option<string> pan = new("--pan") { Description = "The meter's 18-digit PAN" };
    private readonly Option<string> meter = new("--meter") { Description = "The meter number (11 or 13 digits)" };
    private readonly Option<string> sgc = new("--sgc") { Description = "Supply group code, 6 digits" };
    private readonly Option<string> ti = new("--ti") { Description = "Tariff index, 0..99" };
    private readonly Option<string> krn = new("--krn") { Description = "Key revision number, 1..9" };
    private readonly Option<string> kt = new("--kt") { Description = "Key type, 0..3" };
    private readonly Option<string> dkga = new("--dkga") { Description = "02 or 04 (default: from the vending key's length)" };
    private readonly Option<string> ea = new("--ea") { Description = "Encryption algorithm 07 (STA) or 11 (MISTY1)", DefaultValueFactory = _ => "07" };
    private readonly Option<string> baseDate = new("--base") { Description = "Base date 1993, 2014 or 2035", DefaultValueFactory = _ => "1993" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object" };

    /// <summary>Adds the options; <paramref name="withKey"/> is false for commands that need no key.</summary>
    public void AddTo(Command command, bool withKey = true)
    {
        if (withKey)
        {
            foreach (var option in new[] { dk, vk, pan, meter, sgc, ti, krn, kt, dkga })
            {
                command.Options.Add(option);
            }
        }

        command.Options.Add(ea);
        command.Options.Add(baseDate);
        command.Options.Add(Json);
    }

    public EncryptionAlgorithm Algorithm(ParseResult result) => OptionText.Choice("--ea", result.GetValue(ea)!, TokenOptionText.Algorithms);

    public BaseDate Base(ParseResult result) => OptionText.Choice("--base", result.GetValue(baseDate)!, TokenOptionText.BaseDates);

    public bool HasKey(ParseResult result) => result.GetValue(dk) is not null || result.GetValue(vk) is not null;

    /// <summary>The decoder key from --dk, or derived from --vk and the meter's attributes.</summary>
    public StsKey Resolve(ParseResult result)
    {
        var algorithm = Algorithm(result);
        var baseDate = Base(result);
        var dkText = result.GetValue(dk);
        var vkText = result.GetValue(vk);
        if (dkText is not null && vkText is not null)
        {
            throw new CliInputException("--dk", "give either --dk or --vk, not both");
        }

        if (dkText is not null)
        {
            var key = OptionText.Checked("--dk", () => DecoderKey.FromHex(dkText));
            OptionText.Checked("--dk", () => TokenCipher.Create(key, algorithm));
            return new StsKey(key, algorithm, baseDate, Source: null);
        }

        if (vkText is null)
        {
            throw new CliInputException("--dk", "give the decoder key (--dk) or a vending key (--vk) with the meter's attributes");
        }

        var source = new StsKeySource(TokenOptionText.VendingKey("--vk", vkText, result.GetValue(dkga)), Identity(result, algorithm, baseDate));
        return new StsKey(OptionText.Checked("--ea", () => source.Derive(source.Identity)), algorithm, baseDate, source);
    }

    private KeyIdentity Identity(ParseResult result, EncryptionAlgorithm algorithm, BaseDate baseDate)
    {
        return new KeyIdentity(
            TokenOptionText.Meter(result.GetValue(pan), result.GetValue(meter), "deriving a key from --vk needs the meter (--meter or --pan)"),
            TokenOptionText.SupplyGroupCode("--sgc", Required(result, sgc)),
            (int)OptionText.Number("--ti", Required(result, ti), 0, 99),
            (int)OptionText.Number("--krn", Required(result, krn), 1, 9),
            (KeyType)OptionText.Number("--kt", Required(result, kt), 0, 3),
            baseDate,
            algorithm);
    }

    private static string Required(ParseResult result, Option<string> option) =>
        result.GetValue(option) ?? throw new CliInputException(option.Name, "required when deriving the key from --vk");
}
