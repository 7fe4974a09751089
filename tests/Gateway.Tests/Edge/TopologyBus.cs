using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Infrastructure.Messaging;

namespace SmsVending.Gateway.Tests.Edge;

/// <summary>A started bus on the services' shared RabbitMQ topology with a test's own consumers; stopped when disposed.</summary>
internal sealed class TopologyBus : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TopologyBus(ServiceProvider services) => this.services = services;

    public IBusControl Bus => services.GetRequiredService<IBusControl>();

    /// <summary>Starts a bus on <paramref name="virtualHost"/> with the Bus settings given, the consumers <paramref name="consumers"/>
    /// adds, and the singletons (consumer state) in <paramref name="state"/>.</summary>
    public static async Task<TopologyBus> StartAsync(Uri virtualHost, Action<IBusRegistrationConfigurator> consumers, object state,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Bus:RabbitMq"] = virtualHost.AbsoluteUri };
        var services = new ServiceCollection()
            .AddSingleton(state.GetType(), state)
            .AddBusOptions(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .AddMassTransit(bus =>
            {
                consumers(bus);
                bus.UsingRabbitMqTopology();
            })
            .BuildServiceProvider();
        var bus = new TopologyBus(services);
        using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.Bus.StartAsync(starting.Token);
        return bus;
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.StopAsync();
        await services.DisposeAsync();
    }
}
