namespace SmsVending.Gateway.Sms;

/// <summary>What a customer's SMS asks for.</summary>
public abstract record SmsCommand
{
    /// <summary>BUY [meter] amount [PIN]; no meter means the phone's only meter.</summary>
    public sealed record Buy(string? MeterNumber, decimal Amount, string? Pin) : SmsCommand;

    /// <summary>LAST [meter]: send the last token(s) again.</summary>
    public sealed record Last(string? MeterNumber) : SmsCommand;

    /// <summary>BAL: the wallet balance.</summary>
    public sealed record Balance : SmsCommand;

    /// <summary>METERS: the phone's meters.</summary>
    public sealed record Meters : SmsCommand;

    /// <summary>REG meter code: link this phone to a meter with its registration code.</summary>
    public sealed record Register(string MeterNumber, string Code) : SmsCommand;

    /// <summary>PIN old new: change the PIN.</summary>
    public sealed record ChangePin(string OldPin, string NewPin) : SmsCommand;

    /// <summary>HELP.</summary>
    public sealed record Help : SmsCommand;

    /// <summary>Not understood; <paramref name="Closest"/> is the command it most resembles, for the help reply.</summary>
    public sealed record Unknown(string Closest, string Problem) : SmsCommand;
}
