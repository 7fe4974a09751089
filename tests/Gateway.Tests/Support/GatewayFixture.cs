using Dapper;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Storage;
using SmsVending.Gateway.Tests.Embedded;

namespace SmsVending.Gateway.Tests.Support;

/// <summary>One embedded Gateway over its own temporary data folder, with the demo data seeded, on a fake clock that starts now;
/// settings may be given as configuration.</summary>
public sealed class GatewayFixture : IAsyncDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "smsvending-gateway", Guid.NewGuid().ToString("N"));
    private readonly EmbeddedGateway embedded;

    private GatewayFixture(IReadOnlyDictionary<string, string?> settings)
    {
        embedded = new EmbeddedGateway(data);
        Factory = embedded.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
    }

    /// <summary>The whole Gateway's clock. Everything timed runs on it, the 10 s limit of a message's hand-off too: advancing it that
    /// far while a hand-off is in flight cancels that attempt, and its retry waits on this clock as well.</summary>
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public WebApplicationFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Starts the Gateway and waits until the demo customers are there and the start-up re-drive has run.</summary>
    public static async Task<GatewayFixture> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var fixture = new GatewayFixture(settings ?? new Dictionary<string, string?>());
        fixture.Client = fixture.Factory.CreateClient();
        await EmbeddedGateway.EventuallyAsync(async () => (await fixture.TimelineAsync(DemoData.Customers[^1].Phone)) is { Found: true, Meters.Count: > 0 }, "the demo data");
        // The re-drive's timer must wait on the fake clock from before a test advances it, or it would never fire.
        await EmbeddedGateway.RedrivenAsync(fixture.Services);
        return fixture;
    }

    /// <summary>What Vending knows about a phone.</summary>
    public Task<CustomerTimeline> TimelineAsync(string phone) => EmbeddedGateway.TimelineAsync(Services, phone);

    /// <summary>Publishes on the bus, as another service would.</summary>
    public Task PublishAsync<T>(T message) where T : class => Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Reads the Gateway's own database.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Services.GetRequiredService<GatewayDatabase>().OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    /// <summary>The SMS queued to a phone that answer a message or request (its provider id or idempotency key).</summary>
    public Task<IReadOnlyList<(string Body, string? Tokens)>> SmsAnsweringAsync(string answers) =>
        QueryAsync<(string, string?)>("SELECT body, tokens FROM gw_outbound WHERE answers = @answers", new { answers });

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await embedded.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
