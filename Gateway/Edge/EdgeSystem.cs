using MassTransit;
using SmsVending.Gateway.Health;
using SmsVending.Gateway.Storage;

namespace SmsVending.Gateway.Edge;

/// <summary>The Gateway alone on RabbitMQ: the HTTP edge of the distributed system, with Vending and the KeyAuthority in
/// their own processes. Chosen by setting Bus:RabbitMq (e.g. environment Bus__RabbitMq=amqp://user:password@host:5672/).</summary>
internal static class EdgeSystem
{
    /// <summary>Adds the Gateway's services, its consumers on RabbitMQ, and readiness for its database and the bus.</summary>
    public static WebApplicationBuilder AddEdge(this WebApplicationBuilder builder, Uri rabbitMq)
    {
        builder.Services.AddGateway(builder.Configuration);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddGatewayConsumers();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(rabbitMq);
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<GatewayDatabase>>("gateway-database", tags: ["ready"]);
        return builder;
    }
}
