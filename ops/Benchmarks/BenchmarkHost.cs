using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmsVending.KeyAuthority;
using SmsVending.Vending;

namespace SmsVending.Benchmarks;

/// <summary>The embedded services (KeyAuthority, and Vending when asked) on the in-memory bus, over SQLite files in a scratch folder.</summary>
internal sealed class BenchmarkHost : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "smsvending-bench", Guid.NewGuid().ToString("N"));
    private readonly IHost host;

    public BenchmarkHost(bool withVending)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KeyAuthority:ConnectionString"] = $"Data Source={Path.Combine(folder, "keyauthority.db")}",
            ["KeyAuthority:MasterKeyFile"] = Path.Combine(folder, "master.key"),
            ["KeyAuthority:CreateMasterKey"] = "true",
            ["Vending:ConnectionString"] = $"Data Source={Path.Combine(folder, "vending.db")}",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddKeyAuthority(builder.Configuration);
        if (withVending)
        {
            builder.Services.AddVending(builder.Configuration);
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.AddKeyAuthorityConsumers();
            if (withVending)
            {
                bus.AddVendingConsumers();
            }

            bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
        });
        host = builder.Build();
        host.Start();
    }

    public IServiceProvider Services => host.Services;

    public void Dispose()
    {
        host.StopAsync().GetAwaiter().GetResult();
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
