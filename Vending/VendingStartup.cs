using Microsoft.Extensions.Hosting;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending;

/// <summary>Migrates Vending's schema before the bus delivers the first message.</summary>
internal sealed class VendingStartup(VendingDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        database.Migrate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
