using SmsVending.Contracts.Vending;

namespace SmsVending.Gateway.Sms;

/// <summary>Replies to REG and PIN: linking a phone to a meter and changing the PIN.</summary>
public static partial class SmsReplies
{
    /// <summary>The phone is linked to the meter.</summary>
    public static string Linked(MeterLinked linked) => Swahili(linked.Language)
        ? $"Mita {linked.MeterNumber} imeunganishwa na simu hii. Nunua: BUY {linked.MeterNumber} <kiasi>"
        : $"Meter {linked.MeterNumber} is linked to this phone. To buy: BUY {linked.MeterNumber} <amount>";

    /// <summary>Why the phone could not be linked, and what to do.</summary>
    public static string LinkRefused(MeterLinkRefused refused)
    {
        var sw = Swahili(refused.Language);
        var meter = Short(refused.MeterNumber);
        return refused.Reason switch
        {
            LinkRefusal.UnknownMeter => sw ? $"Mita {meter} haijulikani. Hakiki namba kwenye mita." : $"Meter {meter} not found. Check the number on the meter.{Hint(refused.Message)}",
            LinkRefusal.WrongCode => sw ? $"Namba ya usajili si sahihi kwa mita {meter}. Majaribio {refused.AttemptsLeft} yamebaki."
                : $"Wrong registration code for meter {meter}. {refused.AttemptsLeft} tries left.",
            LinkRefusal.Locked => sw ? $"Makosa mengi. Jaribu tena baada ya {Time(refused.LockedUntil)}." : $"Too many wrong codes. Try again after {Time(refused.LockedUntil)}.",
            LinkRefusal.NoCodeSet => sw ? $"Mita {meter} haina namba ya usajili. Piga huduma kwa wateja." : $"Meter {meter} has no registration code. Call customer care.",
            LinkRefusal.KeyAuthorityUnavailable => sw ? "Huduma ina shughuli. Tuma REG tena baada ya dakika chache." : "Service busy. Please send REG again in a few minutes.",
            _ => sw ? "Simu hii haiwezi kusajiliwa. Piga huduma kwa wateja." : "This phone cannot be registered. Call customer care.",
        };
    }

    /// <summary>The PIN is changed.</summary>
    public static string PinChanged(string language) => Swahili(language) ? "PIN yako imebadilishwa." : "Your PIN is changed.";

    /// <summary>Why the PIN was not changed.</summary>
    public static string PinRefused(PinChangeRefused refused)
    {
        var sw = Swahili(refused.Language);
        return refused.Reason switch
        {
            PinRefusal.UnknownCustomer => NotRegistered(refused.Language),
            PinRefusal.WrongPin => sw ? "PIN ya zamani si sahihi. Kama hujawahi kuweka PIN, tumia 0000." : "Wrong old PIN. If you never set one, use 0000.",
            PinRefusal.PinLocked => sw ? $"PIN imefungwa hadi {Time(refused.LockedUntil)}." : $"Too many wrong PINs. Try again after {Time(refused.LockedUntil)}.",
            _ => sw ? "PIN ina tarakimu 4 hadi 8. Tuma PIN <zamani> <mpya>" : "A PIN has 4 to 8 digits. Send PIN <old> <new>",
        };
    }
}
