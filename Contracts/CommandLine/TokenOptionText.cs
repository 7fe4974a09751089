using System.Globalization;
using SmsVending.Contracts.Tokens.OpenPaygo;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.CommandLine;

/// <summary>The token-standard options both CLIs take with the same names and meaning (the sts commands and the emulator's meter
/// and device commands): encryption algorithm, base date, supply group code, the meter by number or PAN, an OpenPAYGO key.</summary>
public static class TokenOptionText
{
    /// <summary>--ea: the STS encryption algorithm by its code.</summary>
    public static readonly IReadOnlyDictionary<string, EncryptionAlgorithm> Algorithms = new Dictionary<string, EncryptionAlgorithm>
    {
        ["07"] = EncryptionAlgorithm.Ea07, ["11"] = EncryptionAlgorithm.Ea11,
    };

    /// <summary>--base: the STS base date by its year.</summary>
    public static readonly IReadOnlyDictionary<string, BaseDate> BaseDates = new Dictionary<string, BaseDate>
    {
        ["1993"] = BaseDate.Year1993, ["2014"] = BaseDate.Year2014, ["2035"] = BaseDate.Year2035,
    };

    /// <summary>A supply group code: six digits.</summary>
    public static int SupplyGroupCode(string option, string text) => text.Length == 6 && text.All(char.IsAsciiDigit)
        ? int.Parse(text, CultureInfo.InvariantCulture)
        : throw new CliInputException(option, $"a supply group code has 6 digits, got '{text}'");

    /// <summary>The meter from --pan or --meter, exactly one of them; <paramref name="whyNeeded"/> is the complaint when neither is given.</summary>
    public static MeterNumber Meter(string? pan, string? meter, string whyNeeded) => (pan, meter) switch
    {
        ({ }, { }) => throw new CliInputException("--pan", "give either --pan or --meter, not both"),
        ({ } p, null) => OptionText.Checked("--pan", () => MeterNumber.FromPan(p)),
        (null, { } m) => OptionText.Checked("--meter", () => MeterNumber.Parse(m)),
        _ => throw new CliInputException("--meter", whyNeeded),
    };

    /// <summary>A vending key as hex: 16 digits for DKGA02, 40 for DKGA04; <paramref name="dkga"/> (--dkga, "02" or "04") must agree
    /// with its length when given.</summary>
    public static byte[] VendingKey(string option, string text, string? dkga)
    {
        var key = OptionText.Hex(option, text, 8, 20);
        var expected = dkga switch
        {
            null => key.Length,
            "02" => 8,
            "04" => 20,
            _ => throw new CliInputException("--dkga", $"expected 02 or 04, got '{dkga}'"),
        };
        return key.Length == expected
            ? key
            : throw new CliInputException(option, $"DKGA{dkga} needs a {expected * 8}-bit vending key ({expected * 2} hex digits)");
    }

    /// <summary>--key: an OpenPAYGO device key, as 32 hex digits.</summary>
    public static string OpenPaygoKeyHex(string text) => OpenPaygoKey.TryParse(text, out var parsed)
        ? parsed.ToHex()
        : throw new CliInputException("--key", $"expected 32 hex digits, got '{text}'");
}
