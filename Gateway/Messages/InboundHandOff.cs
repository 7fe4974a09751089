using System.Collections.Concurrent;
using MassTransit;

namespace SmsVending.Gateway.Messages;

/// <summary>Publishes a stored message for handling. One that could not be published (the broker restarting) is safe in the
/// log and is tried again within seconds, backing off while the bus stays down; the periodic re-drive remains the last resort.</summary>
internal sealed class InboundHandOff(IBus bus, GatewayOptions options, TimeProvider clock, ILogger<InboundHandOff> logger) : BackgroundService
{
    /// <summary>How long a publish may take: Twilio gives up on a webhook after 15 s, and a publish after a broker restart can
    /// wait forever (see Infrastructure/Messaging/DeliveryDeadline.cs).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between rounds while the bus stays down: once it is back, the waiting messages go out within this.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Failed hand-offs kept for a prompt retry; beyond this many, the rest wait for the periodic re-drive.</summary>
    private const int MaxWaiting = 100_000;

    private readonly ConcurrentDictionary<long, InboundMessage> waiting = new();
    private readonly SemaphoreSlim failed = new(0);

    /// <summary>Stored messages whose hand-off failed and is still to be tried again.</summary>
    public int Waiting => waiting.Count;

    /// <summary>Publishes the message as <see cref="InboundReceived"/>, or runs <paramref name="direct"/> when given (a channel that
    /// publishes what the message asks for itself, cancelled when the time allowed is up); on failure keeps the message for the
    /// retry, which publishes it as <see cref="InboundReceived"/>, and returns normally (the sender's message is stored).</summary>
    public async Task PublishAsync(InboundMessage stored, Func<CancellationToken, Task>? direct = null)
    {
        if (!await TryPublishAsync(stored, direct) && waiting.Count < MaxWaiting)
        {
            waiting[stored.Id] = stored;
            failed.Release();
        }
    }

    private async Task<bool> TryPublishAsync(InboundMessage stored, Func<CancellationToken, Task>? direct = null)
    {
        try
        {
            // The token stops the attempt's own steps (a read, a write) at the limit, so the retry cannot race a late step of it, and
            // stops waiting for a publish that ignores it. An attempt still running when this returns has seen its token cancelled.
            using var limit = new CancellationTokenSource(Limit, clock);
            await (direct?.Invoke(limit.Token) ?? bus.Publish(new InboundReceived(stored.Id), limit.Token)).WaitAsync(limit.Token);

            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Inbound {Channel} message {Id} is stored but could not be handed on; it will be tried again", stored.Channel, stored.Id);
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var delay = options.HandOffRetryDelay;
            while (!stoppingToken.IsCancellationRequested)
            {
                await failed.WaitAsync(stoppingToken);
                await Task.Delay(delay, clock, stoppingToken);
                // One round serves every failure signalled so far; a failure after this point signals again.
                while (failed.Wait(0))
                {
                }

                var through = await RetryAsync();
                delay = NextDelay(delay, through, options.HandOffRetryDelay);
                if (!through)
                {
                    failed.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still waiting is open in the log, and the next start re-drives it.
        }
    }

    /// <summary>The wait before the next round: while the bus stays down, twice the last (at most <see cref="MaxRetryDelay"/>);
    /// once a round got everything through, <paramref name="initial"/> again.</summary>
    internal static TimeSpan NextDelay(TimeSpan last, bool through, TimeSpan initial) =>
        through ? initial : TimeSpan.FromTicks(Math.Min(last.Ticks * 2, MaxRetryDelay.Ticks));

    /// <summary>Tries every waiting message in the order received, stopping at the first failure (the bus is still down).</summary>
    private async Task<bool> RetryAsync()
    {
        foreach (var message in waiting.Values.OrderBy(m => m.Id).ToList())
        {
            if (!await TryPublishAsync(message))
            {
                return false;
            }

            waiting.TryRemove(message.Id, out _);
        }

        return true;
    }
}
