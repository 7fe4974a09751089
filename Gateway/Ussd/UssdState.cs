namespace SmsVending.Gateway.Ussd;

/// <summary>Where a USSD session is in the menu, stored as JSON between requests. Never holds a PIN: the PIN is the input that
/// confirms a purchase, so it goes straight into the purchase and no screen follows it.</summary>
internal sealed class UssdState
{
    public UssdScreen Screen { get; set; } = UssdScreen.Main;

    /// <summary>How many of the inputs in <c>text</c> have been acted on; the rest of <c>text</c> is new.</summary>
    public int Inputs { get; set; }

    /// <summary>The last answer: a repeated request gets it again rather than acting twice.</summary>
    public string Reply { get; set; } = "";

    /// <summary>The customer's language (en or sw); a session stored before this field existed reads as English.</summary>
    public string Language { get; set; } = UssdScreens.English;

    public string Currency { get; set; } = "KES";

    public bool HasPin { get; set; }

    public List<string> Meters { get; set; } = [];

    /// <summary>The page of the meter list shown.</summary>
    public int Page { get; set; }

    public string? Meter { get; set; }

    public decimal? Amount { get; set; }

    /// <summary>Why the last input was not taken, said above the screen that asks again.</summary>
    public UssdRetry? Retry { get; set; }
}

/// <summary>Why an input was not taken (the screens word it in the customer's language).</summary>
internal enum UssdRetry
{
    MenuChoice,
    MeterChoice,
    Amount,
    Pin,
    Confirm,
}

/// <summary>The menu's screens.</summary>
internal enum UssdScreen
{
    Main,
    ChooseMeter,
    Amount,
    Confirm,
    Ended,
}

/// <summary>What an input asks for beyond moving in the menu; each of these ends the session.</summary>
internal enum UssdAction
{
    None,
    Exit,
    Buy,
    LastTokens,
    Balance,
    Meters,
    NoMeters,
    Ended,
}
