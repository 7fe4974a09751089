using MassTransit;
using SmsVending.Gateway.Health;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Storage;
using SmsVending.KeyAuthority;
using SmsVending.KeyAuthority.Storage;
using SmsVending.Vending;
using SmsVending.Vending.Storage;

namespace SmsVending.Gateway.Embedded;

/// <summary>The one-command system: KeyAuthority and Vending in this process on the in-memory bus, SQLite files under the data folder.</summary>
internal static class EmbeddedSystem
{
    /// <summary>Adds the services; `--data DIR` (default ./data) holds the databases, the master key and credentials.json.</summary>
    public static WebApplicationBuilder AddEmbeddedSystem(this WebApplicationBuilder builder)
    {
        var data = Path.GetFullPath(builder.Configuration["data"] ?? "data");
        // Embedded defaults; anything set in configuration or the environment wins.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KeyAuthority:ConnectionString"] = $"Data Source={Path.Combine(data, "keyauthority.db")}",
            ["KeyAuthority:MasterKeyFile"] = Path.Combine(data, "master.key"),
            ["KeyAuthority:CreateMasterKey"] = "true",
            ["KeyAuthority:ManufacturingExport"] = "true", // so the emulator's factory can build meters; deployments leave it off
            ["Vending:ConnectionString"] = $"Data Source={Path.Combine(data, "vending.db")}",
            ["Gateway:ConnectionString"] = $"Data Source={Path.Combine(data, "gateway.db")}",
        }.Where(setting => builder.Configuration[setting.Key] is null));
        var credentialsFile = Path.Combine(data, "credentials.json");
        var credentials = Credentials.LoadOrCreate(credentialsFile);
        // The emulated phone network signs and authenticates with the embedded credentials unless real Twilio settings are given.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Twilio:AccountSid"] = credentials.TwilioAccountSid,
            ["Gateway:Twilio:AuthToken"] = credentials.TwilioAuthToken,
            ["Gateway:ApiKeys:admin:Key"] = credentials.AdminApiKey,
            ["Gateway:ApiKeys:admin:Role"] = StaffRoles.Admin,
            ["Gateway:ApiKeys:supervisor:Key"] = credentials.SupervisorApiKey,
            ["Gateway:ApiKeys:supervisor:Role"] = StaffRoles.Supervisor,
            ["Gateway:ApiKeys:agent:Key"] = credentials.AgentApiKey,
            ["Gateway:ApiKeys:agent:Role"] = StaffRoles.Agent,
            ["Gateway:ApiKeys:manufacturing:Key"] = credentials.ManufacturingApiKey,
            ["Gateway:ApiKeys:manufacturing:Role"] = StaffRoles.Manufacturing,
            ["Gateway:Mpesa:CallbackSecret"] = credentials.MpesaCallbackSecret,
        }.Where(setting => builder.Configuration[setting.Key] is null));
        builder.Services.AddSingleton(credentials);
        builder.Services.AddGateway(builder.Configuration).AddKeyAuthority(builder.Configuration).AddVending(builder.Configuration);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddKeyAuthorityConsumers();
            bus.AddVendingConsumers();
            bus.AddGatewayConsumers();
            bus.UsingEmbeddedBus();
        });
        builder.Services.AddSingleton<DemoData>();
        builder.Services.AddHostedService<DemoSeeding>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<KeyAuthorityDatabase>>("keyauthority-database", tags: ["ready"])
            .AddCheck<DatabaseHealthCheck<VendingDatabase>>("vending-database", tags: ["ready"])
            .AddCheck<DatabaseHealthCheck<GatewayDatabase>>("gateway-database", tags: ["ready"]);
        builder.Services.AddSingleton(new EmbeddedInfo(data, credentialsFile));
        return builder;
    }
}

/// <summary>Where the embedded system keeps its files.</summary>
internal sealed record EmbeddedInfo(string DataFolder, string CredentialsFile);

/// <summary>Seeds the demo data once the bus runs (the KeyAuthority registers meters through it).</summary>
/// <remarks>A failure is logged, not fatal: the demo data is a convenience, and seeding finishes on the next start.</remarks>
internal sealed class DemoSeeding(DemoData demo, IHostApplicationLifetime lifetime, ILogger<DemoSeeding> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
            await started.Task.WaitAsync(stoppingToken);
            await demo.SeedAsync(stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-seed; the next start completes it.
        }
        catch (Exception e)
        {
            log.LogError(e, "Seeding the demo data failed; the next start tries again");
        }
    }
}
