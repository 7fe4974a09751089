using MassTransit;
using Microsoft.Extensions.Options;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Keys;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Gateway.Embedded;

/// <summary>Seeds a demo tariff, a vending key and three customers with a meter each on the embedded system's first start.</summary>
internal sealed class DemoData(IServiceScopeFactory scopes, ILogger<DemoData> log)
{
    /// <summary>The demo customers' phones and their meters' serials (the check digit is appended).</summary>
    public static readonly (string Phone, string Name, string Serial)[] Customers =
    [
        ("+254711000001", "Amina Otieno", "0100000001"),
        ("+254711000002", "Brian Kamau", "0100000002"),
        ("+254711000003", "Chebet Rono", "0100000003"),
    ];

    public static readonly Tariff Tariff = new("DOMESTIC", "KES",
        [new TariffBlock(30, 12m), new TariffBlock(100, 16m), new TariffBlock(null, 20m)], 0.16m, 100m, 0.25m, 50m, 35_000m);

    /// <summary>Each step checks for what an earlier (perhaps interrupted) start made, so seeding finishes exactly once.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope(); // the request client is scoped
        var services = scope.ServiceProvider;
        var customers = services.GetRequiredService<CustomerStore>();
        if (await customers.FindByPhoneAsync(Customers[^1].Phone, cancellationToken) is not null)
        {
            return;
        }

        const int SupplyGroup = 600001;
        var keys = services.GetRequiredService<VendingKeyStore>();
        if ((await keys.ListAsync(cancellationToken)).Count == 0)
        {
            await keys.GenerateAsync(new VendingKeyId(SupplyGroup, 1, KeyType.Unique, 2), cancellationToken);
        }

        await services.GetRequiredService<TariffStore>().SaveAsync(Tariff, cancellationToken);
        var register = services.GetRequiredService<IRequestClient<RegisterMeterKey>>();
        var meters = services.GetRequiredService<MeterRegistry>();
        foreach (var (phone, name, serial) in Customers)
        {
            var meter = MeterNumber.Create(serial).Digits;
            // "Registered already" is fine: an earlier start got this far.
            await register.GetResponse<MeterKeyRegistered, MeterKeyRegistrationRefused>(
                new RegisterMeterKey { MeterNumber = meter, SupplyGroupCode = SupplyGroup, TariffIndex = 1 }, cancellationToken);
            if (await meters.FindAsync(meter, cancellationToken) is null)
            {
                await meters.AddAsync(meter, "electricity", TokenProfile.Sts, Tariff.Id, cancellationToken);
            }

            var customer = await customers.FindByPhoneAsync(phone, cancellationToken)
                ?? await customers.RegisterAsync(phone, name, cancellationToken: cancellationToken);
            await meters.BindAsync(customer.Id, meter, BindingRole.Owner, cancellationToken);
        }

        log.LogInformation("Seeded the demo tariff {Tariff} and {Count} customers with a meter each", Tariff.Id, Customers.Length);
    }
}
