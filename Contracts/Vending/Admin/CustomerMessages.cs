namespace SmsVending.Contracts.Vending.Admin;

/// <summary>Admin: registers a customer; answered by <see cref="CustomerRegistered"/> or <see cref="AdminRequestRefused"/>.</summary>
/// <param name="Phone">E.164 or national notation; must be new.</param>
/// <param name="Name">1 to 100 characters.</param>
/// <param name="Language">The language replies are written in: en or sw.</param>
/// <param name="Pin">4 to 8 digits asked with every purchase, or null for none.</param>
public sealed record RegisterCustomer(string Phone, string Name, string Language = "en", string? Pin = null);

/// <summary>The customer is registered.</summary>
public sealed record CustomerRegistered(CustomerDetails Customer);

/// <summary>Admin: one customer by phone; answered by <see cref="CustomerFound"/> or <see cref="AdminRequestRefused"/>.</summary>
public sealed record GetCustomer(string Phone);

/// <summary>The customer asked for.</summary>
public sealed record CustomerFound(CustomerDetails Customer);

/// <summary>Admin: customers whose name or phone contains the query (all without one), by name; answered by <see cref="CustomersListed"/>.</summary>
/// <param name="Query">Part of a name or phone, or a phone in any notation.</param>
/// <param name="Limit">At most this many (1 to 100).</param>
/// <param name="Offset">Skipping this many.</param>
public sealed record ListCustomers(string? Query = null, int Limit = 50, int Offset = 0);

/// <summary>A page of customers and how many match in all.</summary>
public sealed record CustomersListed(IReadOnlyList<CustomerDetails> Customers, int Total);

/// <summary>A customer as admins see it: the meters they may buy for and their wallet.</summary>
/// <param name="Phone">E.164.</param>
/// <param name="Name">The name.</param>
/// <param name="Language">en or sw.</param>
/// <param name="Status">active or blocked.</param>
/// <param name="HasPin">Whether purchases ask for a PIN.</param>
/// <param name="WalletBalance">What the wallet holds.</param>
/// <param name="Currency">The wallet's currency.</param>
/// <param name="Meters">The meters the customer may buy for, with the role.</param>
public sealed record CustomerDetails(
    string Phone, string Name, string Language, string Status, bool HasPin, decimal WalletBalance, string Currency, IReadOnlyList<CustomerMeter> Meters);
