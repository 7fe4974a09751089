namespace SmsVending.Vending.Tariffs;

/// <summary>Prices a purchase: deductions first, then as many 0.1-unit steps as the rest buys across the month's blocks.</summary>
/// <remarks>
/// Order, as prepaid utilities apply it: the fixed monthly charge (first purchase of the month), then debt recovery
/// (a share of the amount, never more than the debt), then energy with VAT. Units are rounded down to the token's
/// 0.1 resolution and only the rounded units are charged, so nobody pays for energy they do not get.
/// </remarks>
public static class Pricing
{
    /// <summary>The token's resolution.</summary>
    public const decimal UnitStep = 0.1m;

    /// <summary>The receipt, or a <see cref="PricingRefusal"/> the customer can act on.</summary>
    public static Receipt Price(Tariff tariff, Money paid, decimal unitsThisMonth, bool fixedChargeDue, Money debt)
    {
        CheckLimits(tariff, paid);
        var zero = Money.Zero(tariff.Currency);
        var fixedCharge = fixedChargeDue ? Money.Min(Money.Of(tariff.FixedMonthlyCharge, tariff.Currency), paid) : zero;
        var debtRecovery = Money.Min(Money.Min(Money.Rounded(paid.Amount * tariff.DebtRecoveryRate, tariff.Currency), debt), paid - fixedCharge);
        var budget = paid - fixedCharge - debtRecovery;

        // The most units whose price with VAT, each rounded to the cent, fits the budget: start from the exact-price
        // estimate and step by 0.1 until one more step would not fit (rounding can move it either way).
        var units = RoundDown(UnitsFor(tariff, unitsThisMonth, budget.Amount / (1 + tariff.VatRate)));
        while (Fits(tariff, unitsThisMonth, units + UnitStep, budget))
        {
            units += UnitStep;
        }

        while (units > 0 && !Fits(tariff, unitsThisMonth, units, budget))
        {
            units -= UnitStep;
        }

        var (energy, vat) = Cost(tariff, unitsThisMonth, units);

        if (units <= 0)
        {
            throw new PricingRefusal(PricingProblem.NothingLeftForUnits,
                $"after the fixed charge and debt recovery ({(fixedCharge + debtRecovery)}) nothing is left to buy units");
        }

        return new Receipt(paid, fixedCharge, debtRecovery, energy, vat, units, tariff.Unit);
    }

    /// <summary>Units a net amount buys from where this month's purchases stand, walking up the blocks.</summary>
    private static decimal UnitsFor(Tariff tariff, decimal unitsThisMonth, decimal net)
    {
        var (units, position) = (0m, unitsThisMonth);
        foreach (var block in tariff.Blocks)
        {
            if (block.UpToUnits is { } limit && position >= limit)
            {
                continue;
            }

            var room = block.UpToUnits is { } upTo ? upTo - position : decimal.MaxValue;
            var affordable = net / block.PricePerUnit;
            var take = Math.Min(room, affordable);
            units += take;
            net -= take * block.PricePerUnit;
            position += take;
            if (take < room)
            {
                break;
            }
        }

        return units;
    }

    /// <summary>Refuses amounts outside the tariff's minimum and maximum purchase.</summary>
    public static void CheckLimits(Tariff tariff, Money paid)
    {
        if (paid.Amount < tariff.MinimumPurchase)
        {
            throw new PricingRefusal(PricingProblem.BelowMinimum, $"the smallest purchase is {Money.Of(tariff.MinimumPurchase, tariff.Currency)}");
        }

        if (paid.Amount > tariff.MaximumPurchase)
        {
            throw new PricingRefusal(PricingProblem.AboveMaximum, $"the largest purchase is {Money.Of(tariff.MaximumPurchase, tariff.Currency)}");
        }
    }

    /// <summary>The price of units bought from where this month stands, and its VAT, each rounded to the cent.</summary>
    private static (Money Energy, Money Vat) Cost(Tariff tariff, decimal unitsThisMonth, decimal units)
    {
        var (price, position, left) = (0m, unitsThisMonth, units);
        foreach (var block in tariff.Blocks)
        {
            if (left <= 0)
            {
                break;
            }

            if (block.UpToUnits is { } limit && position >= limit)
            {
                continue;
            }

            var take = block.UpToUnits is { } upTo ? Math.Min(left, upTo - position) : left;
            price += take * block.PricePerUnit;
            position += take;
            left -= take;
        }

        var energy = Money.Rounded(price, tariff.Currency);
        return (energy, Money.Rounded(energy.Amount * tariff.VatRate, tariff.Currency));
    }

    private static bool Fits(Tariff tariff, decimal unitsThisMonth, decimal units, Money budget)
    {
        var (energy, vat) = Cost(tariff, unitsThisMonth, units);
        return energy + vat <= budget;
    }

    private static decimal RoundDown(decimal units) => Math.Floor(units / UnitStep) * UnitStep;
}

/// <summary>Why a purchase cannot be priced.</summary>
public enum PricingProblem
{
    /// <summary>Below the tariff's minimum purchase.</summary>
    BelowMinimum,

    /// <summary>Above the tariff's maximum purchase.</summary>
    AboveMaximum,

    /// <summary>Deductions take the whole amount.</summary>
    NothingLeftForUnits,
}

/// <summary>A purchase the tariff cannot price, with words for the customer.</summary>
public sealed class PricingRefusal(PricingProblem problem, string message) : Exception(message)
{
    /// <summary>What is wrong.</summary>
    public PricingProblem Problem { get; } = problem;
}
