using SmsVending.Contracts.Vending.Admin;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Admin;

/// <summary>Saves and lists tariffs for the admin API; a tariff that cannot price every purchase throws <see cref="ArgumentException"/> saying why.</summary>
internal sealed class TariffAdmin(TariffStore tariffs, VendingOptions options)
{
    public async Task<TariffSaved> SaveAsync(SaveTariff request, CancellationToken cancellationToken)
    {
        var terms = request.Tariff ?? throw new ArgumentException("no tariff given");
        var tariff = new Tariff(terms.Id?.Trim() ?? "", terms.Currency ?? "", [.. (terms.Blocks ?? []).Select(b => new TariffBlock(b.UpToUnits, b.PricePerUnit))],
            terms.VatRate, terms.FixedMonthlyCharge, terms.DebtRecoveryRate, terms.MinimumPurchase, terms.MaximumPurchase, terms.Unit ?? "").Validated();
        if (tariff.Currency != options.Currency)
        {
            throw new ArgumentException($"tariff {tariff.Id}: Vending sells in {options.Currency}, not {tariff.Currency}");
        }

        if (tariff.Unit.Trim().Length == 0)
        {
            throw new ArgumentException($"tariff {tariff.Id}: name the unit sold, e.g. kWh");
        }

        await tariffs.SaveAsync(tariff, cancellationToken);
        return new TariffSaved(Terms(tariff));
    }

    public async Task<TariffsListed> ListAsync(CancellationToken cancellationToken) => new([.. (await tariffs.ListAsync(cancellationToken)).Select(Terms)]);

    private static TariffTerms Terms(Tariff t) => new(t.Id, t.Currency, [.. t.Blocks.Select(b => new PriceBlock(b.UpToUnits, b.PricePerUnit))], t.VatRate,
        t.FixedMonthlyCharge, t.DebtRecoveryRate, t.MinimumPurchase, t.MaximumPurchase, t.Unit);
}
