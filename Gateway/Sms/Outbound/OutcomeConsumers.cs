using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Observability;

namespace SmsVending.Gateway.Sms.Outbound;

/// <summary>Queues the token SMS of an issued purchase and closes the message it answers.</summary>
internal sealed class TokenIssuedConsumer(Outbox outbox, GatewayMetrics metrics, TimeProvider clock) : IConsumer<TokenIssued>
{
    public async Task Consume(ConsumeContext<TokenIssued> context)
    {
        var issued = context.Message;
        var answered = await outbox.AnswerAsync(new Reply($"issued:{issued.IdempotencyKey}", issued.Phone, SmsReplies.Issued(issued), issued.IdempotencyKey,
            issued.PurchaseId, issued.MeterNumber, [.. issued.Tokens.Select(t => t.Digits)]), "issued", context.CancellationToken);
        metrics.Purchase("issued", answered, clock.GetUtcNow());
    }
}

/// <summary>Queues the SMS saying why a purchase failed; a "busy, will retry" leaves the message open for its final outcome.</summary>
internal sealed class PurchaseRejectedConsumer(Outbox outbox, GatewayMetrics metrics, TimeProvider clock) : IConsumer<PurchaseRejected>
{
    public async Task Consume(ConsumeContext<PurchaseRejected> context)
    {
        var rejected = context.Message;
        var reply = new Reply($"rejected:{rejected.IdempotencyKey}:{rejected.Reason}", rejected.Phone, SmsReplies.Rejected(rejected),
            rejected.IdempotencyKey, rejected.PurchaseId == Guid.Empty ? null : rejected.PurchaseId, rejected.MeterNumber);
        if (rejected.WillRetry)
        {
            await outbox.QueueAsync(reply, context.CancellationToken);
            return;
        }

        var answered = await outbox.AnswerAsync(reply, rejected.Reason.ToString(), context.CancellationToken);
        metrics.Purchase(rejected.Reason.ToString(), answered, clock.GetUtcNow());
    }
}
