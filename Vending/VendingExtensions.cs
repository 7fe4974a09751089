using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmsVending.Infrastructure.Credentials;
using SmsVending.Vending.Admin;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Messaging;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Payments;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Staff;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending;

/// <summary>Registers Vending: in its own process, or hosted by the embedded Gateway.</summary>
public static class VendingExtensions
{
    /// <summary>Adds Vending's services; options come from the "Vending" section and are checked at start.</summary>
    public static IServiceCollection AddVending(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VendingOptions>().Bind(configuration.GetSection(VendingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new CredentialHasher());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<VendingOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<VendingOptions>();
            return new VendingDatabase(options.Provider, options.ConnectionString);
        });
        services.AddSingleton<TariffStore>();
        services.AddSingleton<CustomerStore>();
        services.AddSingleton<MeterRegistry>();
        services.AddSingleton<PurchaseStore>();
        services.AddSingleton<Reconciliation>();
        services.AddSingleton<PaymentBook>();
        services.AddHostedService<ChargeExpiry>();
        // Scoped: they ask the KeyAuthority through MassTransit's scoped request client.
        services.AddScoped<PurchaseService>();
        services.AddScoped<PaymentService>();
        services.AddScoped<ResendService>();
        services.AddScoped<MeterLinkService>();
        services.AddSingleton<PinChangeService>();
        services.AddSingleton<PaymentValidation>();
        services.AddSingleton<StaffQueries>();
        services.AddVendingAdmin();
        services.AddHostedService<VendingStartup>();
        return services;
    }

    /// <summary>Adds Vending's consumers to a bus.</summary>
    public static IBusRegistrationConfigurator AddVendingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<PurchaseRequestedConsumer, PurchaseRequestedConsumerDefinition>();
        bus.AddConsumer<PaymentReceivedConsumer>();
        bus.AddConsumer<MobileMoneyChargeSettledConsumer>();
        bus.AddConsumer<ResendTokensConsumer>();
        bus.AddConsumer<ReplayPurchaseConsumer>();
        bus.AddConsumer<FindPurchasesConsumer>();
        bus.AddConsumer<CustomerTimelineConsumer>();
        bus.AddConsumer<PurchaseDeliveredConsumer>();
        bus.AddVendingAdminConsumers();
        bus.AddConsumer<LinkMeterConsumer>();
        bus.AddConsumer<ChangePinConsumer>();
        bus.AddConsumer<CheckMeterAccountConsumer>();
        return bus;
    }
}
