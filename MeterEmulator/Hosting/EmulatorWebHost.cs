using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace SmsVending.MeterEmulator.Hosting;

/// <summary>Starts one of the emulator's HTTP services (phone network, mobile money) on Kestrel in this process and finds the
/// address it listens on (port 0 picks a free one).</summary>
internal static class EmulatorWebHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(string url, Action<IServiceCollection> services, Action<WebApplication> routes,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorWebHost).Assembly.GetName().Name });
        builder.WebHost.UseUrls(url);

        // Every command prints what it serves itself; logs go to stderr so that `--json` output stays one clean object.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        services(builder.Services);
        var app = builder.Build();
        routes(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()));
    }
}
