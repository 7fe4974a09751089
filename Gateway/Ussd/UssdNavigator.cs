using System.Globalization;

namespace SmsVending.Gateway.Ussd;

/// <summary>Moves through the menu one input at a time, without I/O: 1 Buy (meter, amount, confirm with PIN where one is
/// set), 2 Last tokens, 3 Balance, 4 My meters; 0 goes back one screen and 00 exits anywhere.</summary>
internal static class UssdNavigator
{
    /// <summary>Meters listed per screen; "98" shows the next ones.</summary>
    public const int PageSize = 5;

    public const string Back = "0", Exit = "00", More = "98";

    /// <summary>Applies one input to the state; returns the action it asks for, or <see cref="UssdAction.None"/> to show the
    /// (new) current screen.</summary>
    public static UssdAction Next(UssdState state, string input)
    {
        state.Retry = null;
        if (state.Screen == UssdScreen.Ended)
        {
            return UssdAction.Ended;
        }

        if (input == Exit)
        {
            return UssdAction.Exit;
        }

        switch (state.Screen)
        {
            case UssdScreen.Main:
                return OnMain(state, input);
            case UssdScreen.ChooseMeter:
                ChooseMeter(state, input);
                return UssdAction.None;
            case UssdScreen.Amount:
                EnterAmount(state, input);
                return UssdAction.None;
            default:
                return Confirm(state, input);
        }
    }

    /// <summary>A PIN as the SMS language has it: 4 to 8 digits (so never 0 or 00).</summary>
    public static bool IsPin(string input) => input.Length is >= 4 and <= 8 && input.All(char.IsAsciiDigit);

    private static UssdAction OnMain(UssdState state, string input)
    {
        switch (input)
        {
            case "1" when state.Meters.Count == 0:
                return UssdAction.NoMeters;
            case "1" when state.Meters.Count == 1:
                (state.Meter, state.Screen) = (state.Meters[0], UssdScreen.Amount);
                return UssdAction.None;
            case "1":
                (state.Page, state.Screen) = (0, UssdScreen.ChooseMeter);
                return UssdAction.None;
            case "2":
                return UssdAction.LastTokens;
            case "3":
                return UssdAction.Balance;
            case "4":
                return UssdAction.Meters;
            case Back:
                return UssdAction.None;
            default:
                state.Retry = UssdRetry.MenuChoice;
                return UssdAction.None;
        }
    }

    private static void ChooseMeter(UssdState state, string input)
    {
        var first = state.Page * PageSize;
        if (input == Back)
        {
            (state.Page, state.Screen) = state.Page > 0 ? (state.Page - 1, UssdScreen.ChooseMeter) : (0, UssdScreen.Main);
        }
        else if (input == More && first + PageSize < state.Meters.Count)
        {
            state.Page++;
        }
        else if (int.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var choice) && choice > first && choice <= Math.Min(first + PageSize, state.Meters.Count))
        {
            (state.Meter, state.Screen) = (state.Meters[choice - 1], UssdScreen.Amount);
        }
        else
        {
            state.Retry = UssdRetry.MeterChoice;
        }
    }

    private static void EnterAmount(UssdState state, string input)
    {
        if (input == Back)
        {
            (state.Meter, state.Screen) = (null, state.Meters.Count > 1 ? UssdScreen.ChooseMeter : UssdScreen.Main);
        }
        else if (decimal.TryParse(input, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0 && amount == Math.Round(amount, 2))
        {
            (state.Amount, state.Screen) = (amount, UssdScreen.Confirm);
        }
        else
        {
            state.Retry = UssdRetry.Amount;
        }
    }

    private static UssdAction Confirm(UssdState state, string input)
    {
        if (input == Back)
        {
            (state.Amount, state.Screen) = (null, UssdScreen.Amount);
            return UssdAction.None;
        }

        if (state.HasPin ? IsPin(input) : input == "1")
        {
            return UssdAction.Buy;
        }

        state.Retry = state.HasPin ? UssdRetry.Pin : UssdRetry.Confirm;
        return UssdAction.None;
    }
}
