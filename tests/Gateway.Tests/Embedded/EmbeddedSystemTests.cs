using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Embedded;

public sealed class EmbeddedSystemTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "smsvending-gateway", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Start_BecomesReadyAndStaysLive()
    {
        await using var gateway = new EmbeddedGateway(data);
        var client = gateway.CreateClient();

        await EmbeddedGateway.EventuallyAsync(async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "ready");

        Assert.Equal("live", await client.GetStringAsync(new Uri("/health/live", UriKind.Relative)));
        Assert.True(File.Exists(Path.Combine(data, "keyauthority.db")) && File.Exists(Path.Combine(data, "vending.db")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Credentials_AreCreatedOwnerOnlyAndReusedOnTheNextStart()
    {
        Credentials first;
        await using (var gateway = new EmbeddedGateway(data))
        {
            first = gateway.Services.GetRequiredService<Credentials>();
        }

        await using var again = new EmbeddedGateway(data);
        var second = again.Services.GetRequiredService<Credentials>();

        var file = Path.Combine(data, "credentials.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(first, second);
        Assert.Equal(first, JsonSerializer.Deserialize<Credentials>(await File.ReadAllTextAsync(file), new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "master.key")));
    }

    [Fact]
    public async Task FirstStart_SeedsTheDemoCustomersWithAMeterEach()
    {
        await using var gateway = new EmbeddedGateway(data);
        using var scope = gateway.Services.CreateScope();
        var timelines = scope.ServiceProvider.GetRequiredService<IRequestClient<GetCustomerTimeline>>();

        CustomerTimeline? timeline = null;
        await EmbeddedGateway.EventuallyAsync(async () =>
            (timeline = (await timelines.GetResponse<CustomerTimeline>(new GetCustomerTimeline(DemoData.Customers[^1].Phone))).Message) is { Found: true, Meters.Count: > 0 }, "demo data");

        Assert.Equal(DemoData.Customers[^1].Name, timeline!.Name);
        Assert.Single(timeline.Meters);
    }
}
