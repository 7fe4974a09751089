namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>How the emulated mobile-money provider is set up: the Daraja app and paybill it answers for, where the Gateway's
/// C2B callbacks go, and its customers (changeable while running).</summary>
public sealed record MobileMoneySettings
{
    /// <summary>The Daraja app's consumer key (OAuth Basic user).</summary>
    public required string ConsumerKey { get; init; }

    /// <summary>The Daraja app's consumer secret (OAuth Basic password).</summary>
    public required string ConsumerSecret { get; init; }

    /// <summary>The paybill: STK pushes must name it, C2B payments are made to it.</summary>
    public string ShortCode { get; init; } = "174379";

    /// <summary>The Lipa na M-Pesa Online passkey: a push's Password must be base64(ShortCode + PassKey + Timestamp).</summary>
    public required string PassKey { get; init; }

    /// <summary>The Gateway's base URL C2B validations and confirmations are posted under; null when no Gateway is attached.</summary>
    public Uri? Gateway { get; init; }

    /// <summary>The Gateway's callback secret, sent as <c>?secret=</c> with C2B callbacks (STK callbacks go to the URL the push names).</summary>
    public string? CallbackSecret { get; init; }

    /// <summary>Whether a C2B payment is validated before it is confirmed (the paybill's "external validation" switch).</summary>
    public bool ValidateC2b { get; init; } = true;

    /// <summary>How long an access token lives (Daraja: 3599 s).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(3599);

    /// <summary>How long a customer who answers late takes, unless released earlier with <see cref="MobileMoneyHost.ReleaseLateAnswers"/>.</summary>
    public TimeSpan LateAnswerDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many STK callbacks are sent at once.</summary>
    public int CallbackWorkers { get; init; } = 4 * Environment.ProcessorCount;

    /// <summary>The customers' behaviour and wallets.</summary>
    public MobileMoneyCustomers Customers { get; init; } = new();
}
