using System.Text.Json;
using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Messages;

namespace SmsVending.Gateway.Payments;

/// <summary>Turns a stored C2B confirmation into <see cref="PaymentReceived"/>; Vending records it once per TransID, so a
/// re-drive credits nothing twice. The row is closed once published: the purchase it pays for has its own key.</summary>
internal sealed class C2bPayments(MessageLog log, IPublishEndpoint bus, GatewayOptions options) : IInboundHandler
{
    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(message.Body);
        var payment = C2bTransaction.Parse(json.RootElement, out var problem) ?? throw new InvalidDataException($"stored C2B payment {message.Id}: {problem}");
        await log.ParsedAsync(message.Id, "C2B", payment.AccountReference, cancellationToken);
        await bus.Publish(new PaymentReceived(payment.TransId, payment.Msisdn, payment.AccountReference, payment.Amount, options.Currency, message.Body), cancellationToken);
        await log.AnsweredAsync(message.ExternalId, "payment-received", cancellationToken);
    }
}
