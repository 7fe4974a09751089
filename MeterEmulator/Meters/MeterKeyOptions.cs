using System.CommandLine;
using System.Globalization;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>The key options of the KeyAuthority's sts CLI, same names: --dk, or --vk with the meter's attributes.</summary>
internal sealed class MeterKeyOptions
{
    private readonly Option<string> dk = new("--dk") { Description = "Decoder key, 16 (EA07) or 32 (EA11) hex digits" };
    private readonly Option<string> vk = new("--vk") { Description = "Vending key: 16 hex digits (DKGA02) or 40 (DKGA04)" };
    private readonly Option<string> pan = new("--pan") { Description = "The meter's 18-digit PAN" };
    private readonly Option<string> meter = new("--meter") { Description = "The meter number (11 or 13 digits)" };
    private readonly Option<string> sgc = new("--sgc") { Description = "Supply group code, 6 digits (with --dk: default 000000)" };
    private readonly Option<string> ti = new("--ti") { Description = "Tariff index, 0..99 (with --dk: default 0)" };
    private readonly Option<string> krn = new("--krn") { Description = "Key revision number, 1..9 (with --dk: default 1)" };
    private readonly Option<string> kt = new("--kt") { Description = "Key type, 0..3 (with --dk: default 2)" };
    private readonly Option<string> dkga = new("--dkga") { Description = "02 or 04 (default: from the vending key's length)" };
    private readonly Option<string> ea = new("--ea") { Description = "Encryption algorithm 07 (STA) or 11 (MISTY1)", DefaultValueFactory = _ => "07" };
    private readonly Option<string> baseDate = new("--base") { Description = "Base date 1993, 2014 or 2035", DefaultValueFactory = _ => "1993" };

    public void AddTo(Command command)
    {
        foreach (var option in new[] { dk, vk, pan, meter, sgc, ti, krn, kt, dkga, ea, baseDate })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>A fresh meter's state with its key: given by --dk, or derived from --vk as the KeyAuthority derives it.</summary>
    public StsMeterState Resolve(ParseResult result)
    {
        var algorithm = OptionText.Choice("--ea", result.GetValue(ea)!, TokenOptionText.Algorithms);
        var identity = new KeyIdentity(
            Meter(result),
            TokenOptionText.SupplyGroupCode("--sgc", Value(result, sgc, "000000")),
            (int)OptionText.Number("--ti", Value(result, ti, "0"), 0, 99),
            (int)OptionText.Number("--krn", Value(result, krn, "1"), 1, 9),
            (KeyType)OptionText.Number("--kt", Value(result, kt, "2"), 0, 3),
            OptionText.Choice("--base", result.GetValue(baseDate)!, TokenOptionText.BaseDates),
            algorithm);
        var (key, dkgaUsed) = Key(result, identity);
        return new StsMeterState
        {
            MeterNumber = identity.Meter.Digits,
            DecoderKey = key.ToHex(),
            Algorithm = algorithm,
            SupplyGroupCode = identity.SupplyGroupCode,
            TariffIndex = identity.TariffIndex,
            KeyRevision = identity.KeyRevision,
            KeyType = identity.KeyType,
            BaseDate = identity.BaseDate,
            Dkga = dkgaUsed,
            ManufacturerCode = int.Parse(identity.Meter.Digits[..(identity.Meter.Digits.Length == 11 ? 2 : 4)], CultureInfo.InvariantCulture),
        };
    }

    private (DecoderKey Key, string? Dkga) Key(ParseResult result, KeyIdentity identity)
    {
        var (dkText, vkText) = (result.GetValue(dk), result.GetValue(vk));
        if (dkText is not null && vkText is not null)
        {
            throw new CliInputException("--dk", "give either --dk or --vk, not both");
        }

        if (dkText is not null)
        {
            var key = OptionText.Checked("--dk", () => DecoderKey.FromHex(dkText));
            OptionText.Checked("--dk", () => TokenCipher.Create(key, identity.Algorithm));
            return (key, null);
        }

        if (vkText is null)
        {
            throw new CliInputException("--dk", "give the decoder key (--dk) or a vending key (--vk) with the meter's attributes");
        }

        foreach (var option in new[] { sgc, ti, krn, kt })
        {
            _ = EmulatorCli.Required(result, option);
        }

        var vendingKey = TokenOptionText.VendingKey("--vk", vkText, result.GetValue(dkga));
        var derived = OptionText.Checked("--ea", () => DecoderKeyGeneration.Derive(vendingKey, identity));
        return (derived, DecoderKeyGeneration.DkgaOf(vendingKey).ToString("D2", CultureInfo.InvariantCulture));
    }

    private MeterNumber Meter(ParseResult result) =>
        TokenOptionText.Meter(result.GetValue(pan), result.GetValue(meter), "a meter needs its number (--meter or --pan)");

    private static string Value(ParseResult result, Option<string> option, string fallback) => result.GetValue(option) ?? fallback;
}
