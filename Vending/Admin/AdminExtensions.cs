using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace SmsVending.Vending.Admin;

/// <summary>Registers the admin side of Vending: what the Gateway's admin API asks over the bus.</summary>
internal static class AdminExtensions
{
    public static IServiceCollection AddVendingAdmin(this IServiceCollection services) => services
        .AddSingleton<CustomerAdmin>().AddSingleton<CustomerImport>().AddSingleton<MeterAdmin>().AddSingleton<TariffAdmin>();

    public static IBusRegistrationConfigurator AddVendingAdminConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CustomerAdminConsumer>();
        bus.AddConsumer<MeterAdminConsumer>();
        bus.AddConsumer<TariffAdminConsumer>();
        return bus;
    }
}
