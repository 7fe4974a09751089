using SmsVending.Contracts.KeyAuthority;

namespace SmsVending.Contracts.Vending;

/// <summary>A purchase succeeded: the tokens to send, in the order they must be entered, and the receipt.</summary>
public sealed record TokenIssued(
    Guid PurchaseId,
    string IdempotencyKey,
    string Phone,
    string Language,
    string MeterNumber,
    IReadOnlyList<IssuedToken> Tokens,
    PurchaseReceipt Receipt);

/// <summary>Every deduction from the amount paid, and what the wallet holds afterwards.</summary>
public sealed record PurchaseReceipt(
    string Currency,
    decimal Paid,
    decimal Charged,
    decimal FixedCharge,
    decimal DebtRecovery,
    decimal Energy,
    decimal Vat,
    decimal Units,
    string Unit,
    decimal WalletBalance);

/// <summary>A purchase could not be completed; the reason and facts let the reply say what to do.</summary>
public sealed record PurchaseRejected
{
    /// <summary>The purchase.</summary>
    public required Guid PurchaseId { get; init; }

    /// <summary>The inbound message or payment it came from.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The buyer's phone (E.164 when known).</summary>
    public required string Phone { get; init; }

    /// <summary>The reply language.</summary>
    public required string Language { get; init; }

    /// <summary>Why.</summary>
    public required PurchaseRejection Reason { get; init; }

    /// <summary>The details in words.</summary>
    public required string Message { get; init; }

    /// <summary>The meter concerned, if any.</summary>
    public string? MeterNumber { get; init; }

    /// <summary>The phone's meters, when the customer must choose or named another.</summary>
    public IReadOnlyList<string>? Meters { get; init; }

    /// <summary>The limit crossed (minimum or maximum purchase) or the wallet balance short.</summary>
    public decimal? Amount { get; init; }

    /// <summary>When a PIN lock ends.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>True when the purchase stays pending and will complete by itself (service busy).</summary>
    public bool WillRetry { get; init; }
}

/// <summary>Reasons a purchase is refused, each with a reply the customer can act on.</summary>
public enum PurchaseRejection
{
    /// <summary>The phone is not registered.</summary>
    UnknownCustomer = 1,

    /// <summary>No such meter (the message may carry a check-digit hint).</summary>
    UnknownMeter = 2,

    /// <summary>The meter is not linked to this phone.</summary>
    MeterNotLinked = 3,

    /// <summary>The phone has several meters and named none.</summary>
    MeterChoiceNeeded = 4,

    /// <summary>A PIN is set and none was given.</summary>
    PinRequired = 5,

    /// <summary>The PIN is wrong.</summary>
    WrongPin = 6,

    /// <summary>Too many wrong PINs.</summary>
    PinLocked = 7,

    /// <summary>Below the tariff's minimum.</summary>
    BelowMinimum = 8,

    /// <summary>Above the tariff's maximum.</summary>
    AboveMaximum = 9,

    /// <summary>Deductions leave nothing for units.</summary>
    NothingLeftForUnits = 10,

    /// <summary>The wallet holds less than the purchase costs.</summary>
    InsufficientBalance = 11,

    /// <summary>The meter or customer is blocked.</summary>
    Blocked = 12,

    /// <summary>The KeyAuthority did not answer; the purchase stays pending and completes when it is back.</summary>
    ServiceBusy = 13,

    /// <summary>The KeyAuthority refused the token (e.g. the meter needs a key change); the money was returned.</summary>
    TokenRefused = 14,

    /// <summary>A resend found no issued purchase for this phone (or meter).</summary>
    NothingToResend = 15,

    /// <summary>The customer cancelled the mobile-money prompt.</summary>
    PaymentCancelled = 16,

    /// <summary>The mobile-money charge failed (e.g. insufficient funds).</summary>
    PaymentFailed = 17,

    /// <summary>The provider never answered the charge in time; a late payment goes to the wallet.</summary>
    PaymentTimedOut = 18,
}
