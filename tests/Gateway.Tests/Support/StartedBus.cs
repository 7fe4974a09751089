using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Gateway.Embedded;
using SmsVending.Infrastructure.Messaging;

namespace SmsVending.Gateway.Tests.Support;

/// <summary>A started bus, on the services' RabbitMQ topology or the embedded in-memory bus, with a test's own consumers; stopped
/// when disposed.</summary>
internal sealed class StartedBus : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private StartedBus(ServiceProvider services) => this.services = services;

    public IBusControl Bus => services.GetRequiredService<IBusControl>();

    /// <summary>Starts a bus on <paramref name="virtualHost"/> with the Bus settings given, the consumers <paramref name="consumers"/>
    /// adds, and the singletons (consumer state) in <paramref name="state"/>.</summary>
    public static Task<StartedBus> OnRabbitMqAsync(Uri virtualHost, Action<IBusRegistrationConfigurator> consumers, object state,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Bus:RabbitMq"] = virtualHost.AbsoluteUri };
        return StartAsync(
            new ServiceCollection().AddBusOptions(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build()),
            bus =>
            {
                consumers(bus);
                bus.UsingRabbitMqTopology();
            },
            state);
    }

    /// <summary>Starts the embedded system's in-memory bus with the consumers <paramref name="consumers"/> adds and the singleton
    /// <paramref name="state"/>.</summary>
    public static Task<StartedBus> EmbeddedAsync(Action<IBusRegistrationConfigurator> consumers, object state) =>
        StartAsync(new ServiceCollection(), bus =>
        {
            consumers(bus);
            bus.UsingEmbeddedBus();
        }, state);

    public async ValueTask DisposeAsync()
    {
        await Bus.StopAsync();
        await services.DisposeAsync();
    }

    private static async Task<StartedBus> StartAsync(IServiceCollection services, Action<IBusRegistrationConfigurator> configure, object state)
    {
        var bus = new StartedBus(services.AddSingleton(state.GetType(), state).AddMassTransit(configure).BuildServiceProvider());
        using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.Bus.StartAsync(starting.Token);
        return bus;
    }
}
