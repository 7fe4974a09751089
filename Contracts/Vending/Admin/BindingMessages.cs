namespace SmsVending.Contracts.Vending.Admin;

/// <summary>Admin: lets a customer buy for a meter; binding again changes the role. Answered by <see cref="MeterBound"/> or
/// <see cref="AdminRequestRefused"/>.</summary>
/// <param name="Phone">A registered customer's phone.</param>
/// <param name="MeterNumber">An added meter.</param>
/// <param name="Role">owner (one per meter; mobile-money payments to the meter credit the owner) or buyer.</param>
public sealed record BindMeter(string Phone, string MeterNumber, string Role = "owner");

/// <summary>The customer may buy for the meter.</summary>
public sealed record MeterBound(string Phone, string MeterNumber, string Role);

/// <summary>Admin: stops a customer buying for a meter; answered by <see cref="MeterUnbound"/> or <see cref="AdminRequestRefused"/>.</summary>
public sealed record UnbindMeter(string Phone, string MeterNumber);

/// <summary>The customer may no longer buy for the meter.</summary>
public sealed record MeterUnbound(string Phone, string MeterNumber);
