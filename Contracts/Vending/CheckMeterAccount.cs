namespace SmsVending.Contracts.Vending;

/// <summary>Mobile-money C2B validation: may this paybill payment go ahead? Read-only, answered before the money moves.</summary>
/// <param name="AccountReference">BillRefNumber: a meter number, or a registered customer's phone (a wallet top-up).</param>
/// <param name="Amount">TransAmount, in the utility's currency.</param>
public sealed record CheckMeterAccount(string AccountReference, decimal Amount);

/// <summary>The answer to <see cref="CheckMeterAccount"/>.</summary>
/// <param name="Accepted">Whether the provider should take the payment.</param>
/// <param name="Problem">Why not, when refused.</param>
/// <param name="Message">The details in words (a check-digit hint, the limit crossed).</param>
public sealed record MeterAccountChecked(bool Accepted, MeterAccountProblem? Problem, string Message);

/// <summary>Why a paybill payment would be refused.</summary>
public enum MeterAccountProblem
{
    /// <summary>The reference is neither a meter nor a registered phone.</summary>
    UnknownMeter = 1,

    /// <summary>The meter or its owner is blocked.</summary>
    Blocked = 2,

    /// <summary>Below the meter's tariff's minimum purchase.</summary>
    BelowMinimum = 3,

    /// <summary>Above the meter's tariff's maximum purchase.</summary>
    AboveMaximum = 4,
}
