namespace SmsVending.Contracts.Vending;

/// <summary>A customer asks to buy: from an SMS, a USSD session, a mobile-money payment or an IR session.</summary>
public sealed record PurchaseRequested
{
    /// <summary>Unique per inbound message or payment (e.g. the MessageSid); a repeat is the same purchase.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The buyer's phone, E.164 or national notation.</summary>
    public required string Phone { get; init; }

    /// <summary>The meter; null means the phone's only meter.</summary>
    public string? MeterNumber { get; init; }

    /// <summary>How much money to spend, in the tariff's currency.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The customer's PIN, where they set one.</summary>
    public string? Pin { get; init; }

    /// <summary>sms, ussd, mobile-money or ir.</summary>
    public required string Channel { get; init; }

    /// <summary>True when a payment already authenticated the buyer (mobile money): no PIN is asked.</summary>
    public bool PaidByProvider { get; init; }

    /// <summary>Charge the phone by mobile money (STK push) instead of the wallet; the purchase waits for the provider.</summary>
    public bool ChargePhone { get; init; }
}
