using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;

namespace SmsVending.Vending.Purchases;

/// <summary>Resends and replays: both only ever repeat stored results or resume stored purchases, never vend twice.</summary>
internal sealed class ResendService(PurchaseStore store, PurchaseService purchases, CustomerStore customers)
{
    /// <summary>The latest issued purchase asked for, sent again under the resend's own idempotency key.</summary>
    public async Task<PurchaseOutcome> ResendAsync(ResendTokens request, CancellationToken cancellationToken = default)
    {
        var customer = await customers.FindByPhoneAsync(request.Phone, cancellationToken);
        var phone = customer?.Phone ?? request.Phone;
        var meter = request.MeterNumber is null ? null : MeterReference.Normalised(request.MeterNumber);
        var found = customer is null && request.PurchaseId is null
            ? []
            : await store.SearchAsync(request.PurchaseId is null ? phone : null, meter, null, request.PurchaseId, issuedOnly: true, 1, cancellationToken);
        var reply = found.Count == 0 ? null : new Reply(found[0], phone, customer?.Language ?? "en");
        if (reply is null)
        {
            return new PurchaseOutcome(null, new PurchaseRejected
            {
                PurchaseId = request.PurchaseId ?? Guid.Empty, IdempotencyKey = request.RequestId, Phone = phone, Language = customer?.Language ?? "en",
                Reason = PurchaseRejection.NothingToResend, Message = meter is null ? "no tokens were bought from this phone" : $"no tokens were bought for meter {meter}",
                MeterNumber = meter,
            });
        }

        var issued = await reply.IssuedAsync(store, cancellationToken);
        return new PurchaseOutcome(issued with { IdempotencyKey = request.RequestId }, null);
    }

    /// <summary>Issued: the same tokens again. Refused: a fresh attempt under a key derived from the replay. Otherwise: resumed.</summary>
    public async Task<PurchaseOutcome> ReplayAsync(ReplayPurchase replay, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindByKeyAsync(replay.Original.IdempotencyKey, cancellationToken);
        return stored?.Status switch
        {
            PurchaseStatus.Issued or PurchaseStatus.Delivered => await ResendAsync(new ResendTokens(replay.ReplayId, replay.Original.Phone, stored.PurchaseId), cancellationToken),
            PurchaseStatus.Rejected => await purchases.PurchaseAsync(
                replay.Original with { IdempotencyKey = $"{replay.Original.IdempotencyKey}:replay:{replay.ReplayId}" }, cancellationToken),
            _ => await purchases.PurchaseAsync(replay.Original, cancellationToken),
        };
    }
}
