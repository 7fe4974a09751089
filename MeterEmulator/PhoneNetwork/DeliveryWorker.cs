namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Carries accepted messages to the phones off the request path: queued, sent, then delivered to the inbox
/// (or undelivered, error 30003, when fault injection loses it), with a status callback at each step, in order.</summary>
internal sealed class DeliveryWorker(
    OutboundMessages messages, StatusCallbacks callbacks, PhoneInbox inbox, PhoneNetworkSettings settings, TimeProvider time, ILogger<DeliveryWorker> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, settings.DeliveryWorkers)).Select(_ => DeliverAllAsync(stoppingToken)));

    private async Task DeliverAllAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in messages.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DeliverAsync(message, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Delivering {Sid} failed", message.Sid);
            }
        }
    }

    private async Task DeliverAsync(NetworkMessage queued, CancellationToken cancellationToken)
    {
        await callbacks.SendAsync(queued, cancellationToken);
        var now = time.GetUtcNow();
        var sent = messages.Update(queued with { Status = "sent", DateSent = now, DateUpdated = now });
        await callbacks.SendAsync(sent, cancellationToken);

        now = time.GetUtcNow();
        NetworkMessage final;
        if (settings.Faults.LoseNext())
        {
            final = sent with { Status = "undelivered", ErrorCode = 30003, ErrorMessage = "Unreachable destination handset", DateUpdated = now };
        }
        else
        {
            inbox.Deliver(new InboxMessage(sent.Sid, sent.From, sent.To, sent.Body, now) { AcceptedAt = sent.DateCreated });
            final = sent with { Status = "delivered", DateUpdated = now };
        }

        await callbacks.SendAsync(messages.Update(final), cancellationToken);
    }
}
