using System.CommandLine;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`sts key-change`: the key change tokens that move a meter from its key to a new one.</summary>
internal static class StsKeyChangeCommand
{
    public static Command Create(TextWriter output)
    {
        var key = new StsKeyOptions();
        var newDk = new Option<string>("--new-dk") { Description = "The new decoder key (else derived)" };
        var newKrn = new Option<string>("--new-krn") { Description = "New key revision number, 1..9", Required = true };
        var newKt = new Option<string>("--new-kt") { Description = "New key type, 0..3", Required = true };
        var newTi = new Option<string>("--new-ti") { Description = "New tariff index, 0..99", Required = true };
        var newSgc = new Option<string>("--new-sgc") { Description = "New supply group code (default: the old one)" };
        var newVk = new Option<string>("--new-vk") { Description = "Vending key to derive the new key from (default: --vk)" };
        var newBase = new Option<string>("--new-base") { Description = "New base date (default: the next one with --rollover, else the old one)" };
        var ken = new Option<string>("--ken") { Description = "New key expiry number, 0..255 (default 255: never)" };
        var rollover = new Option<bool>("--rollover") { Description = "Set RO: the meter moves to the next base date and clears its TID memory" };
        var command = new Command("key-change", "Make key change tokens, encrypted under the old key")
        {
            newDk, newKrn, newKt, newTi, newSgc, newVk, newBase, ken, rollover,
        };
        key.AddTo(command);
        command.SetAction(result =>
        {
            var old = key.Resolve(result);
            var krn = (int)OptionText.Number("--new-krn", result.GetValue(newKrn)!, 1, 9);
            var kt = (KeyType)OptionText.Number("--new-kt", result.GetValue(newKt)!, 0, 3);
            var ti = (int)OptionText.Number("--new-ti", result.GetValue(newTi)!, 0, 99);
            var sgc = result.GetValue(newSgc) is { } sgcText
                ? TokenOptionText.SupplyGroupCode("--new-sgc", sgcText)
                : old.Source?.Identity.SupplyGroupCode;
            var isRollover = result.GetValue(rollover);
            var baseDate = result.GetValue(newBase) is { } baseText
                ? OptionText.Choice("--new-base", baseText, TokenOptionText.BaseDates)
                : isRollover ? NextBase(old.BaseDate) : old.BaseDate;
            var keyExpiry = result.GetValue(ken) is { } kenText ? (byte)OptionText.Number("--ken", kenText, 0, 255) : (byte)0xFF;

            var newKey = result.GetValue(newDk) is { } dkText
                ? OptionText.Checked("--new-dk", () => DecoderKey.FromHex(dkText))
                : Derive(result, newVk, old, source => new KeyIdentity(
                    source.Identity.Meter, sgc ?? source.Identity.SupplyGroupCode, ti, krn, kt, baseDate, old.Algorithm));
            if (newKey.Bits == 128 && sgc is null)
            {
                throw new CliInputException("--new-sgc", "a 128-bit key change carries the supply group code: give --new-sgc");
            }

            var order = new KeyChangeOrder(newKey, krn, kt, ti, keyExpiry, isRollover, sgc ?? 0);
            StsCommands.WriteTokens(output, result.GetValue(key.Json), old.Encoder().KeyChange(order));
            return 0;
        });
        return command;
    }

    private static DecoderKey Derive(ParseResult result, Option<string> newVk, StsKey old, Func<StsKeySource, KeyIdentity> identity)
    {
        if (old.Source is null)
        {
            throw new CliInputException("--new-dk", "give the new decoder key, or the old key as --vk with the meter's attributes so the new one can be derived");
        }

        var source = result.GetValue(newVk) is { } vkText
            ? old.Source with { VendingKey = TokenOptionText.VendingKey("--new-vk", vkText, dkga: null) }
            : old.Source;
        return OptionText.Checked("--new-vk", () => source.Derive(identity(source)));
    }

    private static BaseDate NextBase(BaseDate baseDate) => baseDate switch
    {
        BaseDate.Year1993 => BaseDate.Year2014,
        BaseDate.Year2014 => BaseDate.Year2035,
        _ => throw new CliInputException("--rollover", "there is no base date after 2035"),
    };
}
