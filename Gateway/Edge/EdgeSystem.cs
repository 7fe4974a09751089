using MassTransit;
using SmsVending.Gateway.Health;
using SmsVending.Gateway.Storage;
using SmsVending.Infrastructure.Messaging;

namespace SmsVending.Gateway.Edge;

/// <summary>The Gateway alone on RabbitMQ: the HTTP edge of the distributed system, with Vending and the KeyAuthority in
/// their own processes. Chosen by setting Bus:RabbitMq (e.g. environment Bus__RabbitMq=amqp://user:password@host:5672/).</summary>
internal static class EdgeSystem
{
    /// <summary>Adds the Gateway's services, its consumers on RabbitMQ, and readiness for its database and the bus.</summary>
    public static WebApplicationBuilder AddEdge(this WebApplicationBuilder builder)
    {
        builder.Services.AddGateway(builder.Configuration).AddBusOptions(builder.Configuration);
        builder.Services.AddSingleton<DeadLetterQueue>(); // the staff API's view of it
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddGatewayConsumers();
            bus.UsingRabbitMqTopology();
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<GatewayDatabase>>("gateway-database", tags: ["ready"]);
        return builder;
    }
}
