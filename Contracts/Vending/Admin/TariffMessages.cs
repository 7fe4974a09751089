namespace SmsVending.Contracts.Vending.Admin;

/// <summary>Admin: adds a tariff or replaces its terms (the next purchase uses them); answered by <see cref="TariffSaved"/> or
/// <see cref="AdminRequestRefused"/>.</summary>
public sealed record SaveTariff(TariffTerms Tariff);

/// <summary>The tariff is stored.</summary>
public sealed record TariffSaved(TariffTerms Tariff);

/// <summary>Admin: every tariff; answered by <see cref="TariffsListed"/>.</summary>
public sealed record ListTariffs;

/// <summary>The tariffs, by id.</summary>
public sealed record TariffsListed(IReadOnlyList<TariffTerms> Tariffs);

/// <summary>How money becomes units: block prices, VAT, a fixed monthly charge, debt recovery and purchase limits.</summary>
/// <param name="Id">The tariff's code, e.g. "DOMESTIC".</param>
/// <param name="Currency">ISO code; Vending's currency.</param>
/// <param name="Blocks">Prices per unit (before VAT) by units bought this month, ascending; only the last is unlimited.</param>
/// <param name="VatRate">VAT on energy, 0 to 1 (e.g. 0.16).</param>
/// <param name="FixedMonthlyCharge">Collected from the first purchase of each month; not negative.</param>
/// <param name="DebtRecoveryRate">Share of each purchase that pays the meter's debt, 0 to 1.</param>
/// <param name="MinimumPurchase">The smallest purchase, above zero.</param>
/// <param name="MaximumPurchase">The largest purchase, at least the minimum.</param>
/// <param name="Unit">The unit sold, e.g. "kWh".</param>
public sealed record TariffTerms(
    string Id, string Currency, IReadOnlyList<PriceBlock> Blocks, decimal VatRate, decimal FixedMonthlyCharge, decimal DebtRecoveryRate,
    decimal MinimumPurchase, decimal MaximumPurchase, string Unit = "kWh");

/// <summary>A price per unit that applies until the month's purchases reach <see cref="UpToUnits"/> (null: no limit).</summary>
public sealed record PriceBlock(decimal? UpToUnits, decimal PricePerUnit);
