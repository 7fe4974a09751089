using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmsVending.Infrastructure.Messaging;

namespace SmsVending.Vending;

/// <summary>`dotnet run --project Vending`: Vending as its own process of the distributed system, consuming from RabbitMQ.</summary>
/// <remarks>Settings from appsettings.json, environment (Bus__RabbitMq, Vending__Provider, Vending__ConnectionString, …) or the
/// command line, all checked at start. A named entry point: the embedded Gateway references this project, and a top-level
/// Program would clash with its own.</remarks>
internal static class VendingProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddVending(builder.Configuration).AddBusOptions(builder.Configuration);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddVendingConsumers();
            bus.UsingRabbitMqTopology();
        });
        await builder.Build().RunAsync();
    }
}
