using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>Key change tokens: sections held in any order until the set is whole, then the new key and attributes take effect.</summary>
public static partial class StsMeter
{
    private static MeterEntry KeyChange(StsMeterState state, KeyChangeSection section)
    {
        var needed = state.Algorithm == EncryptionAlgorithm.Ea11 ? 4 : 2;
        if (section.Section > needed)
        {
            return Done(state, MeterResult.FunctionError, $"key change section {section.Section} is for 128-bit keys; this meter uses {state.Algorithm}");
        }

        if (section.KeyRevision is < 1 or > 9)
        {
            return Done(state, MeterResult.RangeError, $"the new key revision {section.KeyRevision} is not 1..9");
        }

        if (section.KeyType == KeyType.Initialisation)
        {
            return Done(state, MeterResult.KeyTypeError, "a key change cannot load an initialisation key");
        }

        if (section.TariffIndex > 99)
        {
            return Done(state, MeterResult.RangeError, $"the new tariff index {section.TariffIndex} is not 0..99");
        }

        if (section.Rollover == true && state.BaseDate == BaseDate.Year2035)
        {
            return Done(state, MeterResult.RangeError, "rollover asked for, but 2035 is the last base date");
        }

        // A section keyed twice replaces the one held: the set is complete when every section number is there.
        var pending = state.PendingKeyChange.Where(s => s.Section != section.Section).Append(section).OrderBy(s => s.Section).ToArray();
        if (pending.Length < needed)
        {
            return Accepted(state with { PendingKeyChange = pending }, $"key change section {section.Section} held ({pending.Length} of {needed})",
                MeterResult.Kct1Accepted);
        }

        return ApplyKeyChange(state, pending);
    }

    private static MeterEntry ApplyKeyChange(StsMeterState state, KeyChangeSection[] sections)
    {
        UInt128 key = 0;
        foreach (var section in sections)
        {
            key = (key << 32) | section.KeyBits;
        }

        var first = sections[0];
        var second = sections[1];
        var sgc = sections.Length == 4 ? (sections[2].SupplyGroupCodePart!.Value << 12) | sections[3].SupplyGroupCodePart!.Value : state.SupplyGroupCode;
        if (sgc > 999_999)
        {
            return Done(state with { PendingKeyChange = [] }, MeterResult.RangeError, $"the new supply group code {sgc} has more than 6 digits");
        }

        var rollover = first.Rollover == true;
        var changed = state with
        {
            DecoderKey = new DecoderKey(key, sections.Length * 32).ToHex(),
            KeyRevision = first.KeyRevision!.Value,
            KeyType = first.KeyType!.Value,
            TariffIndex = second.TariffIndex!.Value,
            KeyExpiryNumber = (first.KenNibble!.Value << 4) | second.KenNibble!.Value,
            SupplyGroupCode = sgc,
            BaseDate = rollover ? NextBaseDate(state.BaseDate) : state.BaseDate,
            Tids = rollover ? [] : state.Tids,
            PendingKeyChange = [],
        };
        var detail = $"new key in effect: KRN {changed.KeyRevision}, KT {(int)changed.KeyType}, TI {changed.TariffIndex:D2}, KEN {changed.KeyExpiryNumber}"
            + (rollover ? $", base date {(int)changed.BaseDate}, TID memory cleared" : "");
        return Accepted(changed, detail, MeterResult.Kct2Accepted);
    }

    private static BaseDate NextBaseDate(BaseDate baseDate) => baseDate == BaseDate.Year1993 ? BaseDate.Year2014 : BaseDate.Year2035;
}
