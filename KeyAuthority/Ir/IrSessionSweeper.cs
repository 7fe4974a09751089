using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmsVending.KeyAuthority.Ir;

/// <summary>Periodically erases the process keys of IR sessions that expired without a request and deletes them after a retention,
/// so abandoned handshakes neither keep key material nor grow the table without bound.</summary>
internal sealed class IrSessionSweeper(IrSessionStore sessions, KeyAuthorityOptions options, TimeProvider clock, ILogger<IrSessionSweeper> log)
    : BackgroundService
{
    /// <summary>One sweep as of now; several KeyAuthority instances may sweep at once (both statements are idempotent).</summary>
    public async Task<(int KeysErased, int Deleted)> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var swept = await sessions.SweepAsync(now.ToUnixTimeMilliseconds(), (now - options.IrAbandonedRetention).ToUnixTimeMilliseconds(), cancellationToken);
        if (swept.KeysErased + swept.Deleted > 0)
        {
            log.LogInformation("IR sessions abandoned without a request: {Erased} process keys erased, {Deleted} sessions deleted", swept.KeysErased, swept.Deleted);
        }

        return swept;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.IrSweepInterval, clock, stoppingToken);
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Sweeping abandoned IR sessions failed; the next round tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
