using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;

namespace SmsVending.Vending.Admin;

/// <summary>Adds, blocks, lists and binds meters for the admin API; bad requests throw <see cref="ArgumentException"/> saying why.</summary>
internal sealed class MeterAdmin(MeterRegistry meters, CustomerStore customers)
{
    public async Task<VendingMeterAdded> AddAsync(AddVendingMeter request, CancellationToken cancellationToken) =>
        new(await DetailsAsync(await meters.AddAsync(request.MeterNumber, request.Utility, request.Profile, request.TariffId, cancellationToken), cancellationToken));

    public async Task<MeterStatusChanged> SetStatusAsync(string meterNumber, string status, CancellationToken cancellationToken) =>
        new(await DetailsAsync(await meters.SetStatusAsync(MeterReference.Normalised(meterNumber), status, cancellationToken)
            ?? throw MeterReference.Unknown(meterNumber), cancellationToken));

    public async Task<MetersListed> ListAsync(ListMeters request, CancellationToken cancellationToken)
    {
        var (limit, offset) = AdminPage.Bounds(request.Limit, request.Offset);
        var (page, total) = await meters.ListAsync(request.Query, limit, offset, cancellationToken);
        return new MetersListed(await AdminPage.DetailsAsync(page, DetailsAsync, cancellationToken), total);
    }

    public async Task<MeterBound> BindAsync(BindMeter request, CancellationToken cancellationToken)
    {
        var customer = await customers.GetByPhoneAsync(request.Phone, cancellationToken);
        var meter = MeterReference.Normalised(request.MeterNumber);
        await meters.BindAsync(customer.Id, meter, request.Role, cancellationToken);
        return new MeterBound(customer.Phone, meter, request.Role);
    }

    public async Task<MeterUnbound> UnbindAsync(UnbindMeter request, CancellationToken cancellationToken)
    {
        var customer = await customers.GetByPhoneAsync(request.Phone, cancellationToken);
        var meter = MeterReference.Normalised(request.MeterNumber);
        return await meters.UnbindAsync(customer.Id, meter, cancellationToken)
            ? new MeterUnbound(customer.Phone, meter)
            : throw new ArgumentException($"phone {customer.Phone} is not bound to meter {meter}");
    }

    private async Task<MeterDetails> DetailsAsync(VendingMeter meter, CancellationToken cancellationToken) => new(
        meter.MeterNumber, meter.Utility, meter.Profile, meter.TariffId, meter.Status,
        [.. (await meters.HoldersOfAsync(meter.MeterNumber, cancellationToken)).Select(h => new MeterHolder(h.Phone, h.Role))]);
}
