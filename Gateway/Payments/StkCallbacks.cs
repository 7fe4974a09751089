using System.Text.Json;
using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Messages;

namespace SmsVending.Gateway.Payments;

/// <summary>Turns a stored STK callback into <see cref="MobileMoneyChargeSettled"/> for the purchase the push was for. Vending
/// settles a purchase once, so a re-drive changes nothing; a late success still reaches the customer's wallet there.</summary>
internal sealed class StkCallbacks(MessageLog log, StkRequests requests, IPublishEndpoint bus, GatewayOptions options, TimeProvider clock,
    ILogger<StkCallbacks> logger) : IInboundHandler
{
    /// <summary>How long a callback may wait for its push's answer to be recorded before it counts as not ours.</summary>
    public static readonly TimeSpan UnknownAfter = TimeSpan.FromMinutes(2);

    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(message.Body);
        var result = StkResult.Parse(json.RootElement, out var problem) ?? throw new InvalidDataException($"stored STK callback {message.Id}: {problem}");
        if (await requests.PurchaseOfAsync(result.CheckoutRequestId, cancellationToken) is not { } purchaseId)
        {
            // The callback can beat the push's answer here; retries and the re-drive try again until it is clearly not ours.
            if (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(message.ReceivedAt) < UnknownAfter)
            {
                throw new InvalidOperationException($"no STK push with checkout id {result.CheckoutRequestId} is recorded yet");
            }

            logger.LogWarning("STK callback {Id} names checkout {CheckoutRequestId}, which no push of ours made", message.Id, result.CheckoutRequestId);
            await log.AnsweredAsync(message.ExternalId, "unknown-checkout", cancellationToken);
            return;
        }

        await log.ParsedAsync(message.Id, $"STK {result.ResultCode}", null, cancellationToken);
        await bus.Publish(new MobileMoneyChargeSettled(purchaseId, result.ResultCode, result.Receipt, result.Amount ?? 0, options.Currency, message.Body), cancellationToken);
        await log.AnsweredAsync(message.ExternalId, $"settled:{result.ResultCode}", cancellationToken);
    }
}
