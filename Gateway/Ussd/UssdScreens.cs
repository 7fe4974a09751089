using System.Globalization;

namespace SmsVending.Gateway.Ussd;

/// <summary>Every USSD screen: <c>CON</c> shows a screen and waits for input, <c>END</c> closes the session. Plain ASCII, at most
/// <see cref="MaxLength"/> characters (proved by tests with worst-case values).</summary>
internal static class UssdScreens
{
    /// <summary>The most a USSD screen shows.</summary>
    public const int MaxLength = 182;

    /// <summary>Meters listed on the final "My meters" screen before "+N more".</summary>
    public const int MetersShown = 8;

    private const string Footer = "0 Back 00 Exit";

    public const string Ordered = "END Your token will arrive by SMS.";
    public const string Resending = "END Your last token will arrive by SMS.";
    public const string Goodbye = "END Goodbye.";
    public const string NoMeters = "END No meter is linked to this phone. To link one, SMS: REG <meter> <code>";
    public const string NotRegistered = "END This phone is not registered. To link your meter, SMS: REG <meter> <code>, or call customer care.";
    public const string NoSession = "END This session has ended. Please dial again.";
    public const string Expired = "END Your session timed out. Please dial again.";
    public const string Busy = "END Service busy, try again.";
    public const string TooMany = "END Too many requests from this phone. Please try again in a minute.";

    /// <summary>The current screen of a session that goes on.</summary>
    public static string Show(UssdState state)
    {
        var body = state.Screen switch
        {
            UssdScreen.ChooseMeter => ChooseMeter(state),
            UssdScreen.Amount => $"Meter {state.Meter}\nEnter amount ({state.Currency}):\n{Footer}",
            UssdScreen.Confirm => $"Buy {Money(state.Currency, state.Amount ?? 0)} for meter {state.Meter}\n{(state.HasPin ? "Enter your PIN to confirm" : "1 Confirm")}\n{Footer}",
            _ => "SmsVending\n1 Buy\n2 Last tokens\n3 Balance\n4 My meters\n00 Exit",
        };
        return $"CON {(state.Notice is null ? "" : state.Notice + "\n")}{body}";
    }

    public static string Balance(string currency, decimal balance) => $"END Your balance is {Money(currency, balance)}.";

    public static string MeterList(IReadOnlyList<string> meters) => meters.Count == 0
        ? NoMeters
        : "END Your meters:\n" + string.Join("\n", meters.Take(MetersShown)) + (meters.Count > MetersShown ? $"\n+{meters.Count - MetersShown} more" : "");

    private static string ChooseMeter(UssdState state)
    {
        var first = state.Page * UssdNavigator.PageSize;
        var shown = state.Meters.Skip(first).Take(UssdNavigator.PageSize).Select((meter, i) => $"{first + i + 1} {meter}");
        var more = first + UssdNavigator.PageSize < state.Meters.Count ? $"\n{UssdNavigator.More} More" : "";
        return $"Choose meter:\n{string.Join("\n", shown)}{more}\n{Footer}";
    }

    private static string Money(string currency, decimal amount) => string.Create(CultureInfo.InvariantCulture, $"{currency} {amount:0.00}");
}
