using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Tests.Tariffs;

public class PricingTests
{
    /// <summary>12 / 16 / 20 KES per kWh up to 30 / 100 / beyond, 16% VAT, KES 100 a month, 25% debt recovery, KES 50..35,000.</summary>
    public static readonly Tariff Domestic = new("DOMESTIC", "KES",
        [new TariffBlock(30, 12m), new TariffBlock(100, 16m), new TariffBlock(null, 20m)], 0.16m, 100m, 0.25m, 50m, 35_000m);

    // Hand-checked, e.g. the first row: 500 - 100 fixed = 400 for energy with VAT; 400 / 1.16 = 344.83 buys
    // 28.74 kWh at 12, rounded down to 28.7; 28.7 x 12 = 344.40, VAT 55.10, charged 499.50, 0.50 stays in the wallet.
    [Theory]
    [InlineData(500, 0, true, 0, 100, 0, 344.40, 55.10, 28.7, 0.50)]
    [InlineData(1000, 25, false, 0, 0, 0, 861.60, 137.86, 55.1, 0.54)]
    [InlineData(1000, 0, false, 300, 0, 250, 646.40, 103.42, 47.9, 0.18)]
    [InlineData(1000, 0, false, 100, 0, 100, 774.40, 123.90, 55.9, 1.70)]
    [InlineData(2000, 95, false, 0, 0, 0, 1724.00, 275.84, 87.2, 0.16)]
    public void Price_HandCheckedReceipts(decimal paid, decimal unitsThisMonth, bool fixedDue, decimal debt,
        decimal fixedCharge, decimal debtRecovery, decimal energy, decimal vat, decimal units, decimal change)
    {
        var receipt = Pricing.Price(Domestic, Money.Of(paid, "KES"), unitsThisMonth, fixedDue, Money.Of(debt, "KES"));

        Assert.Equal((fixedCharge, debtRecovery, energy, vat, units, change),
            (receipt.FixedCharge.Amount, receipt.DebtRecovery.Amount, receipt.Energy.Amount, receipt.Vat.Amount, receipt.Units, receipt.Change.Amount));
        Assert.Equal(paid, receipt.Charged.Amount + receipt.Change.Amount);
    }

    [Theory]
    [InlineData(49.99, false, PricingProblem.BelowMinimum, "smallest purchase is KES 50.00")]
    [InlineData(35_000.01, false, PricingProblem.AboveMaximum, "largest purchase is KES 35,000.00")]
    [InlineData(100, true, PricingProblem.NothingLeftForUnits, "nothing is left")]
    [InlineData(101, true, PricingProblem.NothingLeftForUnits, "nothing is left")]
    public void Price_Refusals_SayWhatTheCustomerCanDo(decimal paid, bool fixedDue, PricingProblem problem, string words)
    {
        var refusal = Assert.Throws<PricingRefusal>(() => Pricing.Price(Domestic, Money.Of(paid, "KES"), 0, fixedDue, Money.Zero("KES")));

        Assert.Equal(problem, refusal.Problem);
        Assert.Contains(words, refusal.Message);
    }

    [Fact]
    public void Price_AnyPurchase_ChargesNoMoreThanPaidAndNoTenthMoreWouldFit()
    {
        var random = new Random(55);
        for (var i = 0; i < 2000; i++)
        {
            var paid = Money.Of(random.Next(150, 35_000) + random.Next(100) / 100m, "KES");
            var month = random.Next(0, 200) + random.Next(10) / 10m;
            var debt = Money.Of(random.Next(0, 2) * random.Next(0, 5000), "KES");
            var fixedDue = random.Next(2) == 0;

            var receipt = Pricing.Price(Domestic, paid, month, fixedDue, debt);

            Assert.True(receipt.Charged <= paid);
            Assert.Equal(0, receipt.Units % Pricing.UnitStep);
            Assert.True(receipt.DebtRecovery <= debt);
            var oneMore = Domestic with { MaximumPurchase = 1_000_000 };
            var budget = paid - receipt.FixedCharge - receipt.DebtRecovery;
            Assert.True(UnitsCost(oneMore, month, receipt.Units + Pricing.UnitStep) > budget.Amount, $"receipt {receipt} left room for another 0.1");
        }
    }

    [Fact]
    public void Validated_BadTariffs_AreRefusedWithAReason()
    {
        Assert.Contains("last block must be unlimited", Assert.Throws<ArgumentException>(() => (Domestic with { Blocks = [new TariffBlock(30, 12m)] }).Validated()).Message);
        Assert.Contains("limits must rise", Assert.Throws<ArgumentException>(() => (Domestic with { Blocks = [new TariffBlock(30, 12m), new TariffBlock(20, 12m), new TariffBlock(null, 1m)] }).Validated()).Message);
        Assert.Contains("VAT", Assert.Throws<ArgumentException>(() => (Domestic with { VatRate = 1.5m }).Validated()).Message);
        Assert.Same(Domestic, Domestic.Validated());
    }

    [Fact]
    public void Money_MixedCurrenciesOrThirdDecimal_AreRefused()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Of(1, "KES") + Money.Of(1, "TZS"));
        Assert.Throws<ArgumentException>(() => Money.Of(1.005m, "KES"));
        Assert.Equal("KES 1,234.50", Money.Of(1234.5m, "KES").ToString());
        Assert.Equal(new Money(12_000, "UGX"), Money.Of(12_000m, "UGX"));
        Assert.Equal("UGX 12,000", Money.Of(12_000m, "UGX").ToString());
        Assert.Throws<ArgumentException>(() => Money.Of(0.5m, "UGX"));
    }

    /// <summary>Independent price of units with VAT, by walking one 0.1 step at a time.</summary>
    private static decimal UnitsCost(Tariff tariff, decimal from, decimal units)
    {
        var price = 0m;
        for (var u = 0m; u < units; u += Pricing.UnitStep)
        {
            var at = from + u;
            price += Pricing.UnitStep * tariff.Blocks.First(b => b.UpToUnits is null || at < b.UpToUnits).PricePerUnit;
        }

        var energy = Math.Round(price, 2, MidpointRounding.AwayFromZero);
        return energy + Math.Round(energy * tariff.VatRate, 2, MidpointRounding.AwayFromZero);
    }
}
