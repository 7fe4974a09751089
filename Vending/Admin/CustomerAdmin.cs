using SmsVending.Contracts.Vending;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Purchases;

namespace SmsVending.Vending.Admin;

/// <summary>Registers and looks up customers for the admin API; bad requests throw <see cref="ArgumentException"/> saying why.</summary>
internal sealed class CustomerAdmin(CustomerStore customers, MeterRegistry meters, PurchaseStore purchases, VendingOptions options)
{
    public async Task<CustomerRegistered> RegisterAsync(RegisterCustomer request, CancellationToken cancellationToken) =>
        new(await DetailsAsync(await customers.RegisterAsync(request.Phone, request.Name, request.Language, request.Pin, cancellationToken), cancellationToken));

    public async Task<CustomerFound> GetAsync(GetCustomer request, CancellationToken cancellationToken) =>
        new(await DetailsAsync(await customers.GetByPhoneAsync(request.Phone, cancellationToken), cancellationToken));

    public async Task<CustomersListed> ListAsync(ListCustomers request, CancellationToken cancellationToken)
    {
        var (limit, offset) = AdminPage.Bounds(request.Limit, request.Offset);
        var (page, total) = await customers.ListAsync(request.Query, limit, offset, cancellationToken);
        return new CustomersListed(await AdminPage.DetailsAsync(page, DetailsAsync, cancellationToken), total);
    }

    private async Task<CustomerDetails> DetailsAsync(Customer customer, CancellationToken cancellationToken)
    {
        var wallet = await purchases.WalletAsync(customer.Id, options.Currency, cancellationToken);
        var linked = await meters.MetersOfAsync(customer.Id, cancellationToken);
        return new CustomerDetails(customer.Phone, customer.Name, customer.Language, customer.Status, customer.PinHash is not null, wallet.Amount, wallet.Currency,
            [.. linked.Select(m => new CustomerMeter(m.MeterNumber, m.Role))]);
    }
}
