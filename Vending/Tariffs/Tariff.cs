namespace SmsVending.Vending.Tariffs;

/// <summary>How money becomes units for a meter: block prices, VAT, a fixed monthly charge, debt recovery and purchase limits.</summary>
/// <param name="Id">The tariff's code, e.g. "DOMESTIC".</param>
/// <param name="Currency">ISO currency code.</param>
/// <param name="Blocks">Prices per unit (before VAT) by units bought this month, in ascending order; the last has no limit.</param>
/// <param name="VatRate">VAT on energy, e.g. 0.16.</param>
/// <param name="FixedMonthlyCharge">Collected from the first purchase of each month.</param>
/// <param name="DebtRecoveryRate">Share of each purchase that goes to the meter's debt until it is paid, e.g. 0.25.</param>
/// <param name="MinimumPurchase">The smallest purchase accepted.</param>
/// <param name="MaximumPurchase">The largest purchase accepted.</param>
/// <param name="Unit">The unit sold, e.g. "kWh".</param>
public sealed record Tariff(
    string Id,
    string Currency,
    IReadOnlyList<TariffBlock> Blocks,
    decimal VatRate,
    decimal FixedMonthlyCharge,
    decimal DebtRecoveryRate,
    decimal MinimumPurchase,
    decimal MaximumPurchase,
    string Unit = "kWh")
{
    /// <summary>Checks the tariff can price any purchase: blocks ascending and positive, rates in range, limits ordered.</summary>
    public Tariff Validated()
    {
        string? problem = this switch
        {
            { Id.Length: 0 } => "a tariff needs an id",
            { Currency.Length: not 3 } => "a currency is a three-letter ISO code",
            { Blocks.Count: 0 } => "a tariff needs at least one price block",
            _ when Blocks.Any(b => b.PricePerUnit <= 0) => "block prices must be above zero",
            _ when Blocks.Take(Blocks.Count - 1).Any(b => b.UpToUnits is null) => "only the last block may be unlimited",
            _ when Blocks[^1].UpToUnits is not null => "the last block must be unlimited",
            _ when Blocks.Zip(Blocks.Skip(1)).Any(p => p.First.UpToUnits >= p.Second.UpToUnits) => "block limits must rise",
            { VatRate: < 0 or > 1 } => "VAT is a rate between 0 and 1",
            { DebtRecoveryRate: < 0 or > 1 } => "debt recovery is a rate between 0 and 1",
            { FixedMonthlyCharge: < 0 } => "the fixed charge cannot be negative",
            _ when MinimumPurchase <= 0 || MaximumPurchase < MinimumPurchase => "limits need 0 < minimum <= maximum",
            _ => null,
        };
        return problem is null ? this : throw new ArgumentException($"tariff {Id}: {problem}");
    }
}

/// <summary>A price that applies until the month's purchases reach <see cref="UpToUnits"/> (null: no limit).</summary>
public sealed record TariffBlock(decimal? UpToUnits, decimal PricePerUnit);
