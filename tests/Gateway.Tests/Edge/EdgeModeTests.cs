using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Storage;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Edge;

/// <summary>With Bus:RabbitMq set, the same binary is the edge of the distributed system: PostgreSQL and a real RabbitMQ
/// (started by ops/), no Vending or KeyAuthority in the process.</summary>
public sealed class EdgeModeTests : GatewayTest
{
    [Fact]
    public async Task Edge_OnRabbitMqAndPostgres_IsReadyAndHandsInboundSmsOnOverTheBus()
    {
        await using var edge = await EdgeGateway.CreateAsync(Data);
        var gateway = edge.Gateway;
        var client = gateway.CreateClient();
        await EmbeddedGateway.EventuallyAsync(async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "ready");
        var sid = gateway.NewMessageSid();

        var response = await gateway.PostSmsAsync(DemoData.Customers[0].Phone, "buy 500", sid);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(gateway.Services.GetService<Credentials>());
        Assert.False(Directory.Exists(Data));
        await EmbeddedGateway.EventuallyAsync(async () =>
        {
            await using var connection = await gateway.Services.GetRequiredService<GatewayDatabase>().OpenAsync();
            return await connection.ExecuteScalarAsync<string?>("SELECT command FROM gw_inbound WHERE external_id = @sid", new { sid }) == "BUY";
        }, "the SMS parsed by the Gateway's consumer over RabbitMQ");
    }
}
