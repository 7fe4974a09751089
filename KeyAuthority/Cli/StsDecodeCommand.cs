using System.CommandLine;
using System.Globalization;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`sts decode`: explains a token a customer reads out.</summary>
internal static class StsDecodeCommand
{
    public static Command Create(TextWriter output)
    {
        var key = new StsKeyOptions();
        var digits = new Argument<string[]>("TOKEN") { Description = "The 20 digits (spaces and dashes allowed)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("decode", "Take a token apart with the meter's key") { digits };
        key.AddTo(command);
        command.SetAction(result =>
        {
            var text = string.Join("", result.GetValue(digits)!);
            if (!StsToken.TryParse(text, out var token, out var error))
            {
                throw new CliInputException("TOKEN", error);
            }

            StsKey? sts = null;
            if (token.Class != TokenClass.Test || key.HasKey(result))
            {
                sts = key.Resolve(result);
            }

            var baseDate = sts?.BaseDate ?? key.Base(result);
            var decoded = TokenDecoder.Decode(token, sts is null ? null : TokenCipher.Create(sts.DecoderKey, sts.Algorithm));
            Write(output, result.GetValue(key.Json), decoded, baseDate);
            return 0;
        });
        return command;
    }

    private static void Write(TextWriter output, bool json, DecodedToken d, BaseDate baseDate)
    {
        DateTimeOffset? issuedAt = d.Tid is { } tid ? TokenIdentifier.ToTime(tid, baseDate) : null;
        var field = d.Field?.ToString("X4", CultureInfo.InvariantCulture);
        var k = d.KeyChange;
        var shape = new
        {
            @class = d.Class, subclass = d.Subclass, crcOk = d.CrcOk, rnd = d.Rnd, tid = d.Tid, issuedAt, field, amount = d.Amount,
            keyChange = k is null ? null : new
            {
                section = k.Section, keyBits = k.KeyBits.ToString("X8", CultureInfo.InvariantCulture), kenNibble = k.KenNibble,
                krn = k.KeyRevision, ro = k.Rollover, kt = (int?)k.KeyType, ti = k.TariffIndex, sgcPart = k.SupplyGroupCodePart,
            },
            control = d.Control, manufacturer = d.Manufacturer,
        };
        var lines = new List<string> { $"class {d.Class}, subclass {d.Subclass}", d.CrcOk ? "CRC ok" : "CRC error (wrong key or mistyped digit)" };
        if (d.Tid is not null)
        {
            lines.Add($"RND {d.Rnd}, TID {d.Tid} (issued {issuedAt:yyyy-MM-dd HH:mm} UTC), field 0x{field}");
        }

        if (d.Amount is not null)
        {
            lines.Add($"amount {d.Amount}");
        }

        if (k is not null)
        {
            lines.Add($"key change section {k.Section}: key bits {shape.keyChange!.keyBits}, KEN nibble {k.KenNibble}, KRN {k.KeyRevision}, RO {k.Rollover}, KT {shape.keyChange.kt}, TI {k.TariffIndex}, SGC part {k.SupplyGroupCodePart}");
        }

        if (d.Control is not null)
        {
            lines.Add($"control 0x{d.Control:X}, manufacturer {d.Manufacturer}");
        }

        new CliOutput(output, json).Write(shape, lines);
    }
}
