using System.Text.Json;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Messages;

namespace SmsVending.Gateway.Ussd;

/// <summary>What a USSD session bought, as stored in the message log (the PIN as typed, like an SMS body holds it).</summary>
internal sealed record UssdPurchase(string Meter, decimal Amount, string? Pin);

/// <summary>Turns a stored USSD purchase into a purchase request; the session id is its idempotency key, so a re-drive is the
/// same purchase. The outcome comes back as TokenIssued / PurchaseRejected and becomes an SMS.</summary>
internal sealed class UssdPurchases(MessageLog log, PurchaseIntake intake) : IInboundHandler
{
    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var purchase = JsonSerializer.Deserialize<UssdPurchase>(message.Body)!;
        await log.ParsedAsync(message.Id, "BUY", purchase.Meter, cancellationToken);
        await intake.HandOnAsync(message, new PurchaseRequested
        {
            IdempotencyKey = message.ExternalId, Phone = message.Phone!, MeterNumber = purchase.Meter, Amount = purchase.Amount, Pin = purchase.Pin,
            Channel = Channels.Ussd,
        }, mayShed: message.Command is null, cancellationToken); // recorded as parsed: handed on before
    }
}
