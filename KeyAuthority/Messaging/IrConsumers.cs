using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.KeyAuthority.Ir;

namespace SmsVending.KeyAuthority.Messaging;

/// <summary>Answers <see cref="RelayIrFrame"/> (the Gateway's IR relay route) and publishes the purchase a request starts.</summary>
internal sealed class RelayIrFrameConsumer(IrHost host, KeyAuthorityOptions options) : IConsumer<RelayIrFrame>
{
    public async Task Consume(ConsumeContext<RelayIrFrame> context)
    {
        var answer = await host.AnswerAsync(context.Message.Frame, context.CancellationToken);
        if (answer.Publish is { } purchase)
        {
            await context.Publish(purchase);
        }

        if (answer.Frame is { } frame)
        {
            await context.RespondAsync(new IrFrameAnswered(frame));
        }
        else if (answer.Refusal is { } refusal)
        {
            await context.RespondAsync(new IrFrameRefused(refusal, answer.Message));
        }
        else
        {
            await context.RespondAsync(new IrFramePending(answer.SessionId!, (int)options.IrPollInterval.TotalMilliseconds));
        }
    }
}

/// <summary>Turns the outcome of an IR session's purchase into its confirmation (frame 4); other purchases' outcomes are not ours.</summary>
internal sealed class IrPurchaseOutcomeConsumer(IrHost host) : IConsumer<TokenIssued>, IConsumer<PurchaseRejected>
{
    public Task Consume(ConsumeContext<TokenIssued> context) => IrHost.SessionOf(context.Message.IdempotencyKey) is { } session
        ? host.ConfirmAsync(session, meter => IrConfirmations.Issued(context.Message, meter), context.CancellationToken)
        : Task.CompletedTask;

    // "Busy, will retry" is not an outcome: the purchase completes later and the phone keeps asking.
    public Task Consume(ConsumeContext<PurchaseRejected> context) => IrHost.SessionOf(context.Message.IdempotencyKey) is { } session && !context.Message.WillRetry
        ? host.ConfirmAsync(session, meter => IrConfirmations.Refused(context.Message, meter), context.CancellationToken)
        : Task.CompletedTask;
}

/// <summary>Answers <see cref="RegisterMeterIdentity"/> (the meter factory) with the host key the meter must trust.</summary>
internal sealed class RegisterMeterIdentityConsumer(MeterIdentities identities) : IConsumer<RegisterMeterIdentity>
{
    public async Task Consume(ConsumeContext<RegisterMeterIdentity> context) =>
        await context.RespondAsync(await identities.RegisterAsync(context.Message, context.CancellationToken));
}
