using System.Text.Json;
using MassTransit;
using Polly;
using Polly.Retry;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Purchases;

/// <summary>Runs a purchase through its states; any delivery of the same request resumes where the last one stopped.</summary>
/// <remarks>
/// requested → (decide, price, debit: one transaction) paid → (KeyAuthority, idempotent on the purchase id) issued.
/// A refusal before payment moves no money; a token refused after payment is refunded. When the KeyAuthority does
/// not answer after retries the purchase stays paid and the next delivery completes it: one debit, one token set.
/// </remarks>
internal sealed class PurchaseService
{
    private readonly PurchaseStore store;
    private readonly CustomerStore customers;
    private readonly MeterRegistry meters;
    private readonly TariffStore tariffs;
    private readonly IRequestClient<IssueToken> keyAuthority;
    private readonly VendingOptions options;
    private readonly ResiliencePipeline retry;

    public PurchaseService(PurchaseStore store, CustomerStore customers, MeterRegistry meters, TariffStore tariffs,
        IRequestClient<IssueToken> keyAuthority, VendingOptions options)
    {
        (this.store, this.customers, this.meters, this.tariffs, this.keyAuthority, this.options) = (store, customers, meters, tariffs, keyAuthority, options);
        // Back-off is real waiting on a remote service, like the request timeout itself, so it runs on the system clock.
        retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RequestTimeoutException>(),
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();
    }

    public async Task<PurchaseOutcome> PurchaseAsync(PurchaseRequested request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var purchase = await store.ClaimAsync(request, options.Currency, cancellationToken);
        var customer = await customers.FindByPhoneAsync(request.Phone, cancellationToken);
        var reply = new Reply(purchase, customer?.Phone ?? request.Phone, customer?.Language ?? "en");
        if (purchase.Status == PurchaseStatus.Requested && await PayAsync(purchase, request, customer, reply, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (purchase.Status == PurchaseStatus.Paid && await RequestTokensAsync(purchase, reply, cancellationToken) is { } pending)
        {
            return pending;
        }

        return purchase.Status == PurchaseStatus.Issued
            ? new PurchaseOutcome(await reply.IssuedAsync(store, cancellationToken), null)
            : reply.Refused(Enum.Parse<PurchaseRejection>(purchase.Reason!), purchase.Detail ?? "");
    }

    private async Task<PurchaseOutcome?> PayAsync(PurchaseRow purchase, PurchaseRequested request, Customer? customer, Reply reply, CancellationToken cancellationToken)
    {
        async Task<PurchaseOutcome> Refuse(PurchaseRejection reason, string detail, Func<PurchaseRejected, PurchaseRejected>? facts = null)
        {
            await store.RejectAsync(purchase, reason, detail, cancellationToken);
            var outcome = reply.Refused(reason, detail);
            return facts is null ? outcome : outcome with { Rejected = facts(outcome.Rejected!) };
        }

        if (customer is null)
        {
            return await Refuse(PurchaseRejection.UnknownCustomer, "this phone is not registered");
        }

        purchase.CustomerId = customer.Id;
        var linked = (await meters.MetersOfAsync(customer.Id, cancellationToken)).Select(m => m.MeterNumber).ToList();
        var meterNumber = request.MeterNumber is null ? linked.Count == 1 ? linked[0] : null : MeterReference.Normalised(request.MeterNumber);
        if (meterNumber is null)
        {
            return linked.Count == 0
                ? await Refuse(PurchaseRejection.MeterNotLinked, "no meter is linked to this phone")
                : await Refuse(PurchaseRejection.MeterChoiceNeeded, "this phone buys for several meters: name one", r => r with { Meters = linked });
        }

        purchase.MeterNumber = meterNumber;
        var meter = await meters.FindAsync(meterNumber, cancellationToken);
        if (meter is null)
        {
            return await Refuse(PurchaseRejection.UnknownMeter, MeterReference.UnknownMessage(request.MeterNumber ?? meterNumber), r => r with { MeterNumber = meterNumber });
        }

        if (!linked.Contains(meterNumber))
        {
            return await Refuse(PurchaseRejection.MeterNotLinked, $"meter {meterNumber} is not linked to this phone", r => r with { MeterNumber = meterNumber, Meters = linked });
        }

        if (meter.Status != MeterStatus.Active || customer.Status != CustomerStatus.Active)
        {
            return await Refuse(PurchaseRejection.Blocked, meter.Status != MeterStatus.Active ? $"meter {meterNumber} is blocked" : "this account is blocked");
        }

        if (!request.PaidByProvider && await customers.CheckPinAsync(customer, request.Pin, cancellationToken) is { } pin)
        {
            return pin.Outcome switch
            {
                PinOutcome.Missing => await Refuse(PurchaseRejection.PinRequired, "this account needs its PIN"),
                PinOutcome.Wrong => await Refuse(PurchaseRejection.WrongPin, "the PIN is wrong"),
                _ => await Refuse(PurchaseRejection.PinLocked, "too many wrong PINs", r => r with { LockedUntil = pin.LockedUntil }),
            };
        }

        var tariff = await tariffs.FindAsync(meter.TariffId, cancellationToken) ?? throw new InvalidOperationException($"meter {meterNumber} has no tariff {meter.TariffId}");
        var paid = Money.Rounded(request.Amount, tariff.Currency);
        try
        {
            var shortBalance = await store.PayAsync(purchase, customer.Id, meterNumber,
                context => Pricing.Price(tariff, paid, context.UnitsThisMonth, context.FixedChargeDue, context.Debt), cancellationToken);
            return shortBalance is { } balance
                ? await Refuse(PurchaseRejection.InsufficientBalance, $"the wallet holds {balance}", r => r with { Amount = balance.Amount, MeterNumber = meterNumber })
                : null;
        }
        catch (PricingRefusal refusal)
        {
            var reason = refusal.Problem switch
            {
                PricingProblem.BelowMinimum => PurchaseRejection.BelowMinimum,
                PricingProblem.AboveMaximum => PurchaseRejection.AboveMaximum,
                _ => PurchaseRejection.NothingLeftForUnits,
            };
            var limit = reason == PurchaseRejection.BelowMinimum ? tariff.MinimumPurchase : reason == PurchaseRejection.AboveMaximum ? tariff.MaximumPurchase : (decimal?)null;
            return await Refuse(reason, refusal.Message, r => r with { Amount = limit, MeterNumber = meterNumber });
        }
    }

    private async Task<PurchaseOutcome?> RequestTokensAsync(PurchaseRow purchase, Reply reply, CancellationToken cancellationToken)
    {
        var receipt = JsonSerializer.Deserialize<Receipt>(purchase.Receipt!)!;
        var request = new IssueToken(purchase.PurchaseId, purchase.MeterNumber!, TokenOperation.Credit, receipt.Units, "vending");
        Response<TokenSetIssued, TokenRequestRejected> response;
        try
        {
            response = await retry.ExecuteAsync(async token => await keyAuthority.GetResponse<TokenSetIssued, TokenRequestRejected>(
                request, token, RequestTimeout.After(ms: (int)options.KeyAuthorityTimeout.TotalMilliseconds)), cancellationToken);
        }
        catch (RequestTimeoutException)
        {
            return reply.Refused(PurchaseRejection.ServiceBusy, "the token service is busy; the purchase is paid and will complete shortly");
        }

        if (response.Is(out Response<TokenSetIssued>? issued))
        {
            await store.IssueAsync(purchase, issued!.Message.Tokens, cancellationToken);
            return null;
        }

        response.Is(out Response<TokenRequestRejected>? rejected);
        await store.RefundAsync(purchase, rejected!.Message.Message, cancellationToken);
        return null;
    }
}
