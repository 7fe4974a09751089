namespace SmsVending.Vending.Purchases;

/// <summary>A purchase as stored; its status moves requested → paid → issued, or to rejected.</summary>
internal sealed class PurchaseRow
{
    public const string Columns = """
        id, idempotency_key, phone, customer_id, meter_number, channel, amount_minor, currency, status, reason, detail, month,
        units_tenths, fixed_charge_minor, receipt, tokens, created_at, updated_at
        """;

    public string Id { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? CustomerId { get; set; }
    public string? MeterNumber { get; set; }
    public string Channel { get; set; } = "";
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "";
    public string Status { get; set; } = PurchaseStatus.Requested;
    public string? Reason { get; set; }
    public string? Detail { get; set; }
    public string? Month { get; set; }
    public long? UnitsTenths { get; set; }
    public long? FixedChargeMinor { get; set; }
    public string? Receipt { get; set; }
    public string? Tokens { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public Guid PurchaseId => Guid.ParseExact(Id, "N");

    /// <summary>Not stored yet: made by this delivery, stored by its first write.</summary>
    public bool IsNew { get; set; }
}

/// <summary>The purchase state machine's states.</summary>
public static class PurchaseStatus
{
    /// <summary>Received, nothing decided.</summary>
    public const string Requested = "requested";

    /// <summary>Checked and priced; waiting for the provider to settle a mobile-money charge.</summary>
    public const string AwaitingPayment = "awaiting_payment";

    /// <summary>Priced and debited from the wallet; the token is being (or will be) requested.</summary>
    public const string Paid = "paid";

    /// <summary>Tokens issued and recorded.</summary>
    public const string Issued = "issued";

    /// <summary>The SMS with the tokens reached the phone.</summary>
    public const string Delivered = "delivered";

    /// <summary>Refused; any debit was returned.</summary>
    public const string Rejected = "rejected";
}
