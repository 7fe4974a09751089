using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Tests.Support;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.Edge;

/// <summary>The Gateway as the edge of the distributed system, in-process: a virtual host and a PostgreSQL database of the test's own,
/// secrets from configuration (there is no credentials.json in edge mode).</summary>
internal sealed class EdgeGateway : IAsyncDisposable
{
    public const string SupervisorKey = "edge-supervisor-key-0123456789";
    public const string AgentKey = "edge-agent-key-0123456789";

    private EdgeGateway(TestDatabase database, TestVirtualHost virtualHost, EmbeddedGateway gateway) => (Database, VirtualHost, Gateway) = (database, virtualHost, gateway);

    public TestDatabase Database { get; }

    public TestVirtualHost VirtualHost { get; }

    public EmbeddedGateway Gateway { get; }

    public static async Task<EdgeGateway> CreateAsync(string data)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var virtualHost = await TestVirtualHost.CreateAsync();
        return new EdgeGateway(database, virtualHost, new EmbeddedGateway(data, Settings(virtualHost, database)));
    }

    /// <summary>A client for the staff API holding <paramref name="key"/>.</summary>
    public HttpClient Client(string key)
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings(TestVirtualHost virtualHost, TestDatabase database) => new()
    {
        ["Bus:RabbitMq"] = virtualHost.Url.AbsoluteUri,
        ["Gateway:Provider"] = "Postgres", ["Gateway:ConnectionString"] = database.ConnectionString,
        ["Gateway:Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef", ["Gateway:Twilio:AuthToken"] = "edge-auth-token-0123456789",
        ["Gateway:Mpesa:CallbackSecret"] = "edge-callback-secret-0123456789",
        ["Gateway:ApiKeys:supervisor:Key"] = SupervisorKey, ["Gateway:ApiKeys:supervisor:Role"] = StaffRoles.Supervisor,
        ["Gateway:ApiKeys:agent:Key"] = AgentKey, ["Gateway:ApiKeys:agent:Role"] = StaffRoles.Agent,
    };
}
