namespace SmsVending.Contracts.Vending;

/// <summary>Staff: everything Vending knows about a customer, newest first.</summary>
public sealed record GetCustomerTimeline(string Phone, int Limit = 100);

/// <summary>The answer to <see cref="GetCustomerTimeline"/>; <see cref="Found"/> is false for an unknown phone.</summary>
/// <param name="HasPin">Whether the customer set a PIN, so a menu (USSD) knows to ask for it.</param>
public sealed record CustomerTimeline(
    bool Found, string Phone, string? Name, string? Language, decimal WalletBalance, string Currency,
    IReadOnlyList<CustomerMeter> Meters, IReadOnlyList<TimelineEntry> Entries, bool HasPin = false);

/// <summary>A meter the customer may buy for.</summary>
public sealed record CustomerMeter(string MeterNumber, string Role);

/// <summary>One purchase or payment on a customer's timeline; a purchase carries its id (what a staff resend names).</summary>
public sealed record TimelineEntry(
    DateTimeOffset At, string Kind, string Reference, string Status, decimal Amount, string Currency, string? MeterNumber, string? Detail,
    IReadOnlyList<string> Tokens, Guid? PurchaseId = null);

/// <summary>The Gateway reports that the SMS carrying a purchase's tokens was delivered to the phone.</summary>
public sealed record PurchaseDelivered(Guid PurchaseId);
