using MassTransit;
using SmsVending.Contracts.Ir;
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

/// <summary>Turns the outcome of an IR session's purchase into its confirmation (frame 4).</summary>
internal sealed class IrPurchaseOutcomeConsumer(IrHost host) : IConsumer<IrPurchaseOutcome>
{
    public Task Consume(ConsumeContext<IrPurchaseOutcome> context) => context.Message switch
    {
        { Issued: { } issued } => host.ConfirmAsync(context.Message.SessionId, meter => IrConfirmations.Issued(issued, meter), context.CancellationToken),
        { Rejected: { } rejected } => host.ConfirmAsync(context.Message.SessionId, meter => IrConfirmations.Refused(rejected, meter), context.CancellationToken),
        _ => throw new ArgumentException("an IR purchase outcome names neither tokens nor a refusal", nameof(context)),
    };
}

/// <summary>Answers <see cref="RegisterMeterIdentity"/> (the meter factory) with the host key the meter must trust.</summary>
internal sealed class RegisterMeterIdentityConsumer(MeterIdentities identities) : IConsumer<RegisterMeterIdentity>
{
    public async Task Consume(ConsumeContext<RegisterMeterIdentity> context) =>
        await context.RespondAsync(await identities.RegisterAsync(context.Message, context.CancellationToken));
}
