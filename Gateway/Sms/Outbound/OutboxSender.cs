using System.Diagnostics;
using SmsVending.Gateway.Observability;

namespace SmsVending.Gateway.Sms.Outbound;

/// <summary>Sends what the outbox holds, several at once; a failed send waits longer each time (up to five minutes) and is
/// never dropped, so an SMS provider outage delays replies but loses none.</summary>
internal sealed class OutboxSender(Outbox outbox, SmsTransport transport, GatewayOptions options, GatewayMetrics metrics, TimeProvider clock,
    ILogger<OutboxSender> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await outbox.ClaimDueAsync(options.Twilio.SendConcurrency * 4, Lease, stoppingToken);
                if (due.Count == 0)
                {
                    await outbox.WaitForWorkAsync(await UntilNextDueAsync(stoppingToken), stoppingToken);
                    continue;
                }

                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Twilio.SendConcurrency, CancellationToken = stoppingToken },
                    SendAsync);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database itself failed: claimed rows come back when their lease ends.
                log.LogError(e, "The outbox could not be read; trying again shortly");
                await outbox.WaitForWorkAsync(Poll, stoppingToken);
            }
        }
    }

    /// <summary>The wait before the next retry falls due, at most the poll interval (other Gateway instances queue rows too).</summary>
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken) =>
        await outbox.NextDueAsync(cancellationToken) is { } due ? TimeSpan.FromTicks(Math.Clamp((due - clock.GetUtcNow()).Ticks, 0, Poll.Ticks)) : Poll;

    private async ValueTask SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var accepted = await transport.SendAsync(message, cancellationToken);
            await outbox.AcceptedAsync(message.Id, accepted.Status, accepted.ProviderSid, cancellationToken);
            metrics.Sent(accepted.Status, Stopwatch.GetElapsedTime(started));
        }
        catch (SmsRefusedException e)
        {
            await outbox.FailedAsync(message.Id, e.Message, cancellationToken);
            metrics.Sent(OutboundStatus.Failed, Stopwatch.GetElapsedTime(started));
            log.LogWarning("SMS {Id} refused by the provider: {Reason}", message.Id, e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, message.Attempts - 1), LongestWait.TotalSeconds));
            await outbox.RetryAsync(message.Id, clock.GetUtcNow() + wait, e.Message, cancellationToken);
            metrics.Sent("retry", Stopwatch.GetElapsedTime(started));
            log.LogWarning("SMS {Id} not sent (attempt {Attempt}): {Reason}; next try in {Wait}", message.Id, message.Attempts, e.Message, wait);
        }
    }
}
