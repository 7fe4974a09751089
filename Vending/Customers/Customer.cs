namespace SmsVending.Vending.Customers;

/// <summary>A customer: one phone (E.164), a name, the language replies are written in, an optional PIN.</summary>
public sealed class Customer
{
    public string Id { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Name { get; set; } = "";
    public string Language { get; set; } = "en";
    public string? PinHash { get; set; }
    public int PinFailures { get; set; }
    public long? PinLockedUntil { get; set; }
    public string Status { get; set; } = CustomerStatus.Active;
}

/// <summary>Customer states.</summary>
public static class CustomerStatus
{
    /// <summary>May buy.</summary>
    public const string Active = "active";

    /// <summary>Blocked by staff.</summary>
    public const string Blocked = "blocked";
}
