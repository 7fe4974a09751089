namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>What an emulated customer does when an STK push prompts their phone.</summary>
public enum CustomerBehaviour
{
    /// <summary>Enters the PIN: ResultCode 0 and the wallet is debited (ResultCode 1 when the wallet holds too little).</summary>
    Pays,

    /// <summary>Cancels the prompt: ResultCode 1032.</summary>
    Cancels,

    /// <summary>Has too little money: ResultCode 1, whatever the wallet holds.</summary>
    InsufficientFunds,

    /// <summary>Ignores the prompt: no callback ever comes.</summary>
    NeverAnswers,

    /// <summary>Pays, but the callback comes only after <see cref="MobileMoneySettings.LateAnswerDelay"/> or when released.</summary>
    AnswersLate,

    /// <summary>Pays, and the provider sends the same callback twice, as Daraja's redelivery does.</summary>
    DuplicateCallback,
}
