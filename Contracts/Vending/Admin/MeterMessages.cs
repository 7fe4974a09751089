using SmsVending.Contracts.KeyAuthority;

namespace SmsVending.Contracts.Vending.Admin;

/// <summary>Admin: lets Vending sell for a meter; answered by <see cref="VendingMeterAdded"/> or <see cref="AdminRequestRefused"/>.</summary>
/// <param name="MeterNumber">An STS meter number (check digit verified; spaces and dashes allowed) or an OpenPAYGO device serial.</param>
/// <param name="Utility">electricity, water or gas.</param>
/// <param name="Profile">The token family; the meter's key record is registered with the KeyAuthority separately.</param>
/// <param name="TariffId">An existing tariff.</param>
public sealed record AddVendingMeter(string MeterNumber, string Utility, TokenProfile Profile, string TariffId);

/// <summary>The meter is added, active.</summary>
public sealed record VendingMeterAdded(MeterDetails Meter);

/// <summary>Admin: stops sales for a meter (tamper, disconnection); answered by <see cref="MeterStatusChanged"/> or <see cref="AdminRequestRefused"/>.</summary>
public sealed record BlockMeter(string MeterNumber);

/// <summary>Admin: reopens sales for a meter; answered by <see cref="MeterStatusChanged"/> or <see cref="AdminRequestRefused"/>.</summary>
public sealed record UnblockMeter(string MeterNumber);

/// <summary>The meter as it now is.</summary>
public sealed record MeterStatusChanged(MeterDetails Meter);

/// <summary>Admin: meters whose number contains the query (all without one), by number; answered by <see cref="MetersListed"/>.</summary>
/// <param name="Query">Part of a meter number or serial.</param>
/// <param name="Limit">At most this many (1 to 100).</param>
/// <param name="Offset">Skipping this many.</param>
public sealed record ListMeters(string? Query = null, int Limit = 50, int Offset = 0);

/// <summary>A page of meters and how many match in all.</summary>
public sealed record MetersListed(IReadOnlyList<MeterDetails> Meters, int Total);

/// <summary>A meter as Vending sells for it, and the phones that may buy for it.</summary>
/// <param name="MeterNumber">As stored: an STS number's digits or a device serial.</param>
/// <param name="Utility">electricity, water or gas.</param>
/// <param name="Profile">The token family.</param>
/// <param name="TariffId">Its tariff.</param>
/// <param name="Status">active or blocked.</param>
/// <param name="Holders">The phones bound to it, the owner first.</param>
public sealed record MeterDetails(string MeterNumber, string Utility, TokenProfile Profile, string TariffId, string Status, IReadOnlyList<MeterHolder> Holders);

/// <summary>A phone that may buy for a meter, as owner or buyer.</summary>
public sealed record MeterHolder(string Phone, string Role);
