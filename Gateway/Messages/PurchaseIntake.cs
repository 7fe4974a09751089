using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Observability;
using SmsVending.Gateway.Sms;
using SmsVending.Gateway.Sms.Outbound;

namespace SmsVending.Gateway.Messages;

/// <summary>Hands a customer's purchase (SMS or USSD) to Vending, or, when too many are open already, refuses it at once with a
/// "busy, nothing charged, send it again later" SMS and closes the message: shed with an answer, never lost and never queued
/// without bound.</summary>
/// <remarks>Only a message's first hand-off may be shed (<c>mayShed</c> in <see cref="HandOnAsync"/>). A re-driven one may have
/// reached Vending before (and been paid for), so it always goes on; staff replays too.</remarks>
internal sealed class PurchaseIntake(OpenPurchases open, IPublishEndpoint bus, Outbox outbox, GatewayMetrics metrics, TimeProvider clock)
{
    /// <summary>The outcome a shed message is closed with.</summary>
    public const string Shed = "shed";

    /// <summary>Publishes the purchase, or sheds it when <paramref name="mayShed"/> (it cannot have reached Vending) and too many are open.</summary>
    public async Task HandOnAsync(InboundMessage message, PurchaseRequested purchase, bool mayShed, CancellationToken cancellationToken)
    {
        if (!mayShed || !await open.AtLimitAsync(cancellationToken))
        {
            await bus.Publish(purchase, cancellationToken);
            return;
        }

        var answered = await outbox.AnswerAsync(new Reply($"{Shed}:{message.ExternalId}", purchase.Phone, SmsReplies.Busy, Answers: message.ExternalId), Shed,
            cancellationToken);
        metrics.Purchase(Shed, answered, clock.GetUtcNow());
    }
}

/// <summary>How many purchases are open (stored as purchases, no outcome yet), read from the message log at most twice a second: every
/// Gateway instance shares the log, so the limit holds for all of them together.</summary>
internal sealed class OpenPurchases(MessageLog log, GatewayOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Staleness = TimeSpan.FromMilliseconds(500);

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private (long Count, DateTimeOffset At) last = (0, DateTimeOffset.MinValue);

    /// <summary>Whether <see cref="GatewayOptions.MaxOpenPurchases"/> are open; while one caller counts, the others use the last count.</summary>
    public async Task<bool> AtLimitAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - last.At >= Staleness && await refreshing.WaitAsync(0, cancellationToken))
        {
            try
            {
                last = (await log.OpenPurchasesAsync(now - options.RedriveWindow, cancellationToken), now);
            }
            finally
            {
                refreshing.Release();
            }
        }

        return last.Count >= options.MaxOpenPurchases;
    }
}
