namespace SmsVending.Gateway.Messages;

/// <summary>Hands on again every stored inbound message that has no outcome: at start (the in-memory bus forgets what was in
/// flight when the process died) and then periodically (a publish that failed, a message stuck behind an outage).</summary>
/// <remarks>Safe because every handler is idempotent on the provider's id: a re-driven purchase is the same purchase.</remarks>
internal sealed class InboundRedrive(MessageLog log, InboundHandOff handOff, GatewayOptions options, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<InboundRedrive> logger) : BackgroundService
{
    private const int Batch = 500;

    private readonly TaskCompletionSource firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the start-up pass has handed on everything left open by the last run.</summary>
    public Task FirstPass => firstPass.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(started.SetResult))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            // At start everything open is orphaned; later, only what has waited a full interval (younger ones are in flight).
            var grace = TimeSpan.Zero;
            while (!stoppingToken.IsCancellationRequested)
            {
                await RedriveAsync(clock.GetUtcNow() - grace, stoppingToken);
                grace = options.RedriveInterval;
                // The next pass's timer starts before the first pass is reported, so what happens after that report (a clock
                // moved on, in a test) counts towards it.
                var next = Task.Delay(options.RedriveInterval, clock, stoppingToken);
                firstPass.TrySetResult();
                await next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Re-drives every open message received before <paramref name="until"/> within the re-drive window.</summary>
    public async Task<int> RedriveAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - options.RedriveWindow;
        var (count, after) = (0, 0L);
        try
        {
            IReadOnlyList<InboundMessage> open;
            do
            {
                open = await log.UnansweredAsync(since, until, after, Batch, cancellationToken);
                foreach (var message in open)
                {
                    await handOff.PublishAsync(message);
                }

                count += open.Count;
                after = open.Count > 0 ? open[^1].Id : after;
            }
            while (open.Count == Batch);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Re-driving open inbound messages failed; the next round tries again");
        }

        if (count > 0)
        {
            logger.LogInformation("Re-drove {Count} inbound messages that had no outcome", count);
        }

        return count;
    }
}
