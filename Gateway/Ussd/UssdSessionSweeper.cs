namespace SmsVending.Gateway.Ussd;

/// <summary>Deletes USSD sessions a while after they expire. The grace lets a late request still be told its session timed out.</summary>
internal sealed class UssdSessionSweeper(UssdSessions sessions, TimeProvider clock, ILogger<UssdSessionSweeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sessions.DeleteExpiredAsync(clock.GetUtcNow() - Grace, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Deleting expired USSD sessions failed; trying again on the next tick");
            }
        }
    }
}
