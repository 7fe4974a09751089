using Microsoft.Extensions.Hosting;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority;

/// <summary>Migrates the schema and proves the master key before the bus delivers the first request.</summary>
internal sealed class KeyAuthorityStartup(KeyAuthorityDatabase database, KeySealer sealer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => RunAsync(database, sealer, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task RunAsync(KeyAuthorityDatabase database, KeySealer sealer, CancellationToken cancellationToken = default)
    {
        database.Migrate();
        await MasterKeyCheck.EnsureAsync(database, sealer, cancellationToken);
    }
}
