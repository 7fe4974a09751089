using MassTransit;
using SmsVending.Contracts.Ir;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Messaging;
using SmsVending.Vending.Payments;
using SmsVending.Vending.Purchases;

namespace SmsVending.Vending.Messaging;

/// <summary>Runs a requested purchase and publishes its outcome; a pending one is redelivered until the KeyAuthority answers.</summary>
internal sealed class PurchaseRequestedConsumer(PurchaseService purchases) : IConsumer<PurchaseRequested>
{
    public async Task Consume(ConsumeContext<PurchaseRequested> context) =>
        await Outcomes.PublishAsync(context, await purchases.PurchaseAsync(context.Message, context.CancellationToken), context.GetRedeliveryCount());
}

/// <summary>Credits a mobile-money payment and publishes the purchase it pays for.</summary>
internal sealed class PaymentReceivedConsumer(PaymentService payments) : IConsumer<PaymentReceived>
{
    public async Task Consume(ConsumeContext<PaymentReceived> context)
    {
        if (await payments.ReceiveAsync(context.Message, context.CancellationToken) is { } outcome)
        {
            await Outcomes.PublishAsync(context, outcome);
        }
    }
}

/// <summary>Publishing outcomes: every delivery replies (at least one reply), and a pending purchase says "busy" once, then retries.
/// An IR session's purchase also gets its final outcome published for the KeyAuthority's IR host.</summary>
internal static class Outcomes
{
    public static async Task PublishAsync(IPublishEndpoint context, PurchaseOutcome outcome, int redelivery = 0)
    {
        if (outcome.Issued is { } issued)
        {
            await context.Publish(issued);
            await TellIrHostAsync(context, issued.IdempotencyKey, issued, null);
            return;
        }

        if (outcome.Charge is { } charge)
        {
            await context.Publish(charge);
            return;
        }

        if (outcome.Rejected is not { } rejected)
        {
            return; // parked for a charge: the provider's callback decides
        }

        if (!outcome.Pending || redelivery == 0)
        {
            await context.Publish(rejected);
        }

        if (outcome.Pending)
        {
            throw new PurchasePendingException(rejected.PurchaseId);
        }

        // Final ("busy, will retry" is not an outcome: the purchase completes later and the phone keeps asking).
        await TellIrHostAsync(context, rejected.IdempotencyKey, null, rejected);
    }

    /// <summary>Publishes a final outcome for the KeyAuthority's IR host when the purchase is an IR session's; others are not its.</summary>
    private static Task TellIrHostAsync(IPublishEndpoint context, string idempotencyKey, TokenIssued? issued, PurchaseRejected? rejected) =>
        IrPurchaseKey.SessionOf(idempotencyKey) is { } session ? context.Publish(new IrPurchaseOutcome(session, issued, rejected)) : Task.CompletedTask;
}

/// <summary>The purchase is paid and waits for the KeyAuthority; redelivery completes it.</summary>
public sealed class PurchasePendingException(Guid purchaseId) : Exception($"purchase {purchaseId} waits for the KeyAuthority");

/// <summary>Pending purchases are redelivered later: the KeyAuthority may be down for minutes.</summary>
internal sealed class PurchaseRequestedConsumerDefinition : ConsumerDefinition<PurchaseRequestedConsumer>
{
    /// <summary>Purchases handled at once by one process; each waits on its database transactions and the KeyAuthority.</summary>
    public const int InFlight = 64;

    public PurchaseRequestedConsumerDefinition() => ConcurrentMessageLimit = InFlight;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<PurchaseRequestedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseLongRedelivery<PurchasePendingException>(
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15));
        endpointConfigurator.UseMessageRetry(r =>
        {
            ConsumerRetry.Configure(r);
            r.Ignore<PurchasePendingException>();
        });
        // Two purchases for one meter (or one wallet) never race: PurchaseStore.PayAsync locks the meter's row, then the customer's,
        // and the KeyAuthority's single writer allocates TIDs. MassTransit's in-process partitioner is not used: after a broker
        // connection loss, an endpoint holding partitioned messages did not resume consuming.
    }
}

/// <summary>Settles a parked purchase from the mobile-money provider's callback (repeats and late callbacks included).</summary>
internal sealed class MobileMoneyChargeSettledConsumer(PurchaseService purchases) : IConsumer<MobileMoneyChargeSettled>
{
    public async Task Consume(ConsumeContext<MobileMoneyChargeSettled> context) =>
        await Outcomes.PublishAsync(context, await purchases.SettleChargeAsync(context.Message, context.CancellationToken), context.GetRedeliveryCount());
}

/// <summary>Resends a purchase's tokens (SMS LAST, staff resend).</summary>
internal sealed class ResendTokensConsumer(ResendService resends) : IConsumer<ResendTokens>
{
    public async Task Consume(ConsumeContext<ResendTokens> context) =>
        await Outcomes.PublishAsync(context, await resends.ResendAsync(context.Message, context.CancellationToken));
}

/// <summary>Replays a stored purchase request (staff).</summary>
internal sealed class ReplayPurchaseConsumer(ResendService resends) : IConsumer<ReplayPurchase>
{
    public async Task Consume(ConsumeContext<ReplayPurchase> context) =>
        await Outcomes.PublishAsync(context, await resends.ReplayAsync(context.Message, context.CancellationToken));
}

/// <summary>Records that the tokens' SMS reached the phone.</summary>
internal sealed class PurchaseDeliveredConsumer(PurchaseStore store) : IConsumer<PurchaseDelivered>
{
    public Task Consume(ConsumeContext<PurchaseDelivered> context) => store.DeliveredAsync(context.Message.PurchaseId, context.CancellationToken);
}
