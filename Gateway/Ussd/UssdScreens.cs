using System.Globalization;

namespace SmsVending.Gateway.Ussd;

/// <summary>Every USSD screen, in English and Swahili: <c>CON</c> shows a screen and waits for input, <c>END</c> closes the session.
/// Plain ASCII, at most <see cref="MaxLength"/> characters (proved by tests with worst-case values in both languages).</summary>
internal static class UssdScreens
{
    /// <summary>The most a USSD screen shows.</summary>
    public const int MaxLength = 182;

    /// <summary>Meters listed on the final "My meters" screen before "+N more".</summary>
    public const int MetersShown = 8;

    /// <summary>The language of an unknown phone's screens and of those shown before the customer is known.</summary>
    public const string English = "en";

    /// <summary>The current screen of a session that goes on, in the session's language.</summary>
    public static string Show(UssdState state)
    {
        var sw = Swahili(state.Language);
        var footer = sw ? "0 Rudi 00 Toka" : "0 Back 00 Exit";
        var body = state.Screen switch
        {
            UssdScreen.ChooseMeter => ChooseMeter(state, sw, footer),
            UssdScreen.Amount => sw ? $"Mita {state.Meter}\nWeka kiasi ({state.Currency}):\n{footer}" : $"Meter {state.Meter}\nEnter amount ({state.Currency}):\n{footer}",
            UssdScreen.Confirm => Confirm(state, sw, footer),
            _ => sw ? "SmsVending\n1 Nunua\n2 Tokeni za mwisho\n3 Salio\n4 Mita zangu\n00 Toka" : "SmsVending\n1 Buy\n2 Last tokens\n3 Balance\n4 My meters\n00 Exit",
        };
        return $"CON {(state.Retry is { } retry ? Retry(retry, sw) + "\n" : "")}{body}";
    }

    public static string Ordered(string language) => Swahili(language) ? "END Tokeni yako itakuja kwa SMS." : "END Your token will arrive by SMS.";

    public static string Resending(string language) =>
        Swahili(language) ? "END Tokeni yako ya mwisho itakuja kwa SMS." : "END Your last token will arrive by SMS.";

    public static string Goodbye(string language) => Swahili(language) ? "END Kwaheri." : "END Goodbye.";

    public static string NoMeters(string language) => Swahili(language)
        ? "END Hakuna mita iliyounganishwa na simu hii. Kuunganisha, tuma SMS: REG <mita> <namba>"
        : "END No meter is linked to this phone. To link one, SMS: REG <meter> <code>";

    public static string NotRegistered(string language) => Swahili(language)
        ? "END Simu hii haijasajiliwa. Kuunganisha mita yako, tuma SMS: REG <mita> <namba>, au piga huduma kwa wateja."
        : "END This phone is not registered. To link your meter, SMS: REG <meter> <code>, or call customer care.";

    public static string NoSession(string language) =>
        Swahili(language) ? "END Kipindi hiki kimekwisha. Tafadhali piga tena." : "END This session has ended. Please dial again.";

    public static string Expired(string language) =>
        Swahili(language) ? "END Muda wa kipindi umekwisha. Tafadhali piga tena." : "END Your session timed out. Please dial again.";

    public static string Busy(string language) => Swahili(language) ? "END Huduma ina shughuli, jaribu tena." : "END Service busy, try again.";

    public static string TooMany(string language) => Swahili(language)
        ? "END Maombi mengi kutoka simu hii. Jaribu tena baada ya dakika moja."
        : "END Too many requests from this phone. Please try again in a minute.";

    public static string Balance(string language, string currency, decimal balance) =>
        Swahili(language) ? $"END Salio lako ni {Money(currency, balance)}." : $"END Your balance is {Money(currency, balance)}.";

    public static string MeterList(string language, IReadOnlyList<string> meters)
    {
        if (meters.Count == 0)
        {
            return NoMeters(language);
        }

        var sw = Swahili(language);
        var rest = meters.Count > MetersShown ? $"\n+{meters.Count - MetersShown} {(sw ? "zaidi" : "more")}" : "";
        return $"END {(sw ? "Mita zako" : "Your meters")}:\n{string.Join("\n", meters.Take(MetersShown))}{rest}";
    }

    private static string ChooseMeter(UssdState state, bool sw, string footer)
    {
        var first = state.Page * UssdNavigator.PageSize;
        var shown = state.Meters.Skip(first).Take(UssdNavigator.PageSize).Select((meter, i) => $"{first + i + 1} {meter}");
        var more = first + UssdNavigator.PageSize < state.Meters.Count ? $"\n{UssdNavigator.More} {(sw ? "Zaidi" : "More")}" : "";
        return $"{(sw ? "Chagua mita" : "Choose meter")}:\n{string.Join("\n", shown)}{more}\n{footer}";
    }

    private static string Confirm(UssdState state, bool sw, string footer)
    {
        var money = Money(state.Currency, state.Amount ?? 0);
        return sw
            ? $"Nunua {money} kwa mita {state.Meter}\n{(state.HasPin ? "Weka PIN yako kuthibitisha" : "1 Thibitisha")}\n{footer}"
            : $"Buy {money} for meter {state.Meter}\n{(state.HasPin ? "Enter your PIN to confirm" : "1 Confirm")}\n{footer}";
    }

    private static string Retry(UssdRetry retry, bool sw) => retry switch
    {
        UssdRetry.MenuChoice => sw ? "Chagua 1 hadi 4." : "Choose 1 to 4.",
        UssdRetry.MeterChoice => sw ? "Chagua mita kwa namba yake." : "Choose a meter by its number.",
        UssdRetry.Amount => sw ? "Weka kiasi kama 500." : "Enter an amount like 500.",
        UssdRetry.Pin => sw ? "PIN ina tarakimu 4 hadi 8." : "A PIN has 4 to 8 digits.",
        _ => sw ? "Chagua 1 kuthibitisha." : "Choose 1 to confirm.",
    };

    private static bool Swahili(string language) => language == "sw";

    private static string Money(string currency, decimal amount) => string.Create(CultureInfo.InvariantCulture, $"{currency} {amount:0.00}");
}
