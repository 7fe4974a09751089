using SmsVending.Contracts.Vending.Admin;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Admin;
using SmsVending.Vending.Tariffs;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Admin;

/// <summary>Tariffs saved through the admin side: every rule that keeps pricing sound has a clear refusal.</summary>
public abstract class TariffAdminTests(DatabaseProvider provider) : VendingTest(provider)
{
    private static readonly TariffTerms Good = new("DOMESTIC", "KES", [new PriceBlock(30, 12m), new PriceBlock(null, 20m)], 0.16m, 100m, 0.25m, 50m, 35_000m);

    public static TheoryData<TariffTerms, string> BadTerms => new()
    {
        { Good with { Id = " " }, "a tariff needs an id" },
        { Good with { Currency = "UGX" }, "Vending sells in KES, not UGX" },
        { Good with { Currency = "KSH." }, "three-letter ISO code" },
        { Good with { Blocks = [] }, "at least one price block" },
        { Good with { Blocks = [new PriceBlock(null, 0m)] }, "block prices must be above zero" },
        { Good with { Blocks = [new PriceBlock(30, 12m)] }, "the last block must be unlimited" },
        { Good with { Blocks = [new PriceBlock(null, 12m), new PriceBlock(null, 20m)] }, "only the last block may be unlimited" },
        { Good with { Blocks = [new PriceBlock(30, 12m), new PriceBlock(30, 16m), new PriceBlock(null, 20m)] }, "block limits must rise" },
        { Good with { VatRate = -0.1m }, "VAT is a rate between 0 and 1" },
        { Good with { DebtRecoveryRate = 2m }, "debt recovery is a rate between 0 and 1" },
        { Good with { FixedMonthlyCharge = -1m }, "the fixed charge cannot be negative" },
        { Good with { MinimumPurchase = 0m }, "limits need 0 < minimum <= maximum" },
        { Good with { MaximumPurchase = 10m }, "limits need 0 < minimum <= maximum" },
        { Good with { Unit = "" }, "name the unit sold" },
    };

    [Theory]
    [MemberData(nameof(BadTerms))]
    public async Task Save_BadTerms_SaysWhatIsWrongAndStoresNothing(TariffTerms terms, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Admin.SaveAsync(new SaveTariff(terms), default));

        Assert.Contains(expected, error.Message);
        Assert.Empty(await App.Get<TariffStore>().ListAsync());
    }

    [Fact]
    public async Task Save_Again_ReplacesTheTerms()
    {
        await Admin.SaveAsync(new SaveTariff(Good), default);

        await Admin.SaveAsync(new SaveTariff(Good with { VatRate = 0.08m }), default);

        var listed = await Admin.ListAsync(default);
        Assert.Equal(0.08m, listed.Tariffs.Single().VatRate);
        Assert.Equal(Good.Blocks, listed.Tariffs.Single().Blocks);
    }

    private TariffAdmin Admin => App.Get<TariffAdmin>();
}

public sealed class SqliteTariffAdminTests() : TariffAdminTests(DatabaseProvider.Sqlite);

public sealed class PostgresTariffAdminTests() : TariffAdminTests(DatabaseProvider.Postgres);
