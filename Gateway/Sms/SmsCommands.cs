using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Sms.Outbound;

namespace SmsVending.Gateway.Sms;

/// <summary>Acts on a stored inbound SMS: purchases and resends go to Vending (their replies come back as events); questions
/// are asked of Vending and answered here. The MessageSid is the idempotency key of everything it starts.</summary>
internal sealed class SmsCommands(MessageLog log, Outbox outbox, IPublishEndpoint bus, PurchaseIntake intake, IRequestClient<GetCustomerTimeline> timelines,
    IRequestClient<LinkMeter> links, IRequestClient<ChangePin> pins) : IInboundHandler
{
    /// <summary>Handles a message from the log (its hand-off retried or re-driven). One recorded as parsed may have been handed on
    /// before (the webhook records the reading as it stores the message), so it is not shed.</summary>
    public Task HandleAsync(InboundMessage message, CancellationToken cancellationToken) =>
        RunAsync(message, SmsCommandParser.Parse(message.Body), null, mayShed: message.Command is null, cancellationToken);

    /// <summary>The first hand-off of a message the webhook has just stored with what it reads as (<see cref="ReadAs"/>), for
    /// <see cref="InboundHandOff.PublishAsync"/>: a purchase or a resend is published from here, saving the bus a round through
    /// <see cref="InboundReceived"/>; null for a question, which waits on Vending's answer and so goes through the bus.</summary>
    public Func<CancellationToken, Task>? DirectHandOff(InboundMessage stored, SmsCommand command) =>
        command is SmsCommand.Buy or SmsCommand.Last ? cancellationToken => RunAsync(stored, command, null, mayShed: true, cancellationToken) : null;

    /// <summary>Runs a stored message again for staff under <paramref name="replayId"/>: a purchase is replayed by Vending (never a
    /// second vend), a resend or question is answered afresh.</summary>
    public Task ReplayAsync(InboundMessage message, string replayId, CancellationToken cancellationToken) =>
        RunAsync(message, SmsCommandParser.Parse(message.Body), replayId, mayShed: false, cancellationToken);

    /// <summary>What the message log records a command as: its name and the meter it names.</summary>
    public static (string Command, string? MeterNumber) ReadAs(SmsCommand command) => (Name(command), command switch
    {
        SmsCommand.Buy buy => buy.MeterNumber,
        SmsCommand.Last last => last.MeterNumber,
        _ => null,
    });

    private async Task RunAsync(InboundMessage message, SmsCommand command, string? replayId, bool mayShed, CancellationToken cancellationToken)
    {
        var phone = message.Phone!;
        if (message.Command is null)
        {
            var (name, meterNumber) = ReadAs(command);
            await log.ParsedAsync(message.Id, name, meterNumber, cancellationToken);
        }

        switch (command)
        {
            case SmsCommand.Buy buy:
                var purchase = new PurchaseRequested
                {
                    IdempotencyKey = message.ExternalId, Phone = phone, MeterNumber = buy.MeterNumber, Amount = buy.Amount, Pin = buy.Pin, Channel = Channels.Sms,
                };
                await (replayId is null ? intake.HandOnAsync(message, purchase, mayShed, cancellationToken) : bus.Publish(new ReplayPurchase(replayId, purchase), cancellationToken));
                break;
            case SmsCommand.Last last:
                await bus.Publish(new ResendTokens(replayId ?? message.ExternalId, phone, MeterNumber: last.MeterNumber), cancellationToken);
                break;
            default:
                var text = command switch
                {
                    SmsCommand.Register register => await LinkAsync(replayId ?? message.ExternalId, phone, register, cancellationToken),
                    SmsCommand.ChangePin change => await ChangePinAsync(replayId ?? message.ExternalId, phone, change, cancellationToken),
                    _ => await AskAsync(command, phone, cancellationToken),
                };
                await outbox.AnswerAsync(new Reply(replayId is null ? $"reply:{message.ExternalId}" : $"reply:{message.ExternalId}:{replayId}", phone, text,
                    Answers: message.ExternalId), "answered", cancellationToken);
                break;
        }
    }

    private async Task<string> LinkAsync(string requestId, string phone, SmsCommand.Register register, CancellationToken cancellationToken)
    {
        var answer = await links.GetResponse<MeterLinked, MeterLinkRefused>(new LinkMeter(requestId, phone, register.MeterNumber, register.Code), cancellationToken);
        return answer.Is(out Response<MeterLinked>? linked) ? SmsReplies.Linked(linked.Message)
            : answer.Is(out Response<MeterLinkRefused>? refused) ? SmsReplies.LinkRefused(refused.Message)
            : throw new InvalidOperationException("LinkMeter answered with neither MeterLinked nor MeterLinkRefused");
    }

    private async Task<string> ChangePinAsync(string requestId, string phone, SmsCommand.ChangePin change, CancellationToken cancellationToken)
    {
        var answer = await pins.GetResponse<PinChanged, PinChangeRefused>(new ChangePin(requestId, phone, change.OldPin, change.NewPin), cancellationToken);
        return answer.Is(out Response<PinChanged>? changed) ? SmsReplies.PinChanged(changed.Message.Language)
            : answer.Is(out Response<PinChangeRefused>? refused) ? SmsReplies.PinRefused(refused.Message)
            : throw new InvalidOperationException("ChangePin answered with neither PinChanged nor PinChangeRefused");
    }

    private async Task<string> AskAsync(SmsCommand command, string phone, CancellationToken cancellationToken)
    {
        var customer = (await timelines.GetResponse<CustomerTimeline>(new GetCustomerTimeline(phone, Limit: 0), cancellationToken)).Message;
        var language = customer.Language ?? "en";
        return command switch
        {
            SmsCommand.Balance when !customer.Found => SmsReplies.NotRegistered(language),
            SmsCommand.Balance => SmsReplies.Balance(language, customer.Currency, customer.WalletBalance),
            SmsCommand.Meters when !customer.Found => SmsReplies.NotRegistered(language),
            SmsCommand.Meters => SmsReplies.MeterList(language, [.. customer.Meters.Select(m => m.MeterNumber)]),
            SmsCommand.Unknown unknown => SmsReplies.Help(language, unknown.Closest),
            _ => SmsReplies.Help(language),
        };
    }

    private static string Name(SmsCommand command) => command switch
    {
        SmsCommand.Buy => "BUY",
        SmsCommand.Last => "LAST",
        SmsCommand.Balance => "BAL",
        SmsCommand.Meters => "METERS",
        SmsCommand.Register => "REG",
        SmsCommand.ChangePin => "PIN",
        SmsCommand.Help => "HELP",
        _ => "UNKNOWN",
    };
}
