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
    private readonly Payments.PaymentBook book;
    private readonly IRequestClient<IssueToken> keyAuthority;
    private readonly VendingOptions options;

    /// <summary>Back-off is real waiting on a remote service, like the request timeout itself, so it runs on the system clock.
    /// Built once: the service is made for every message, and building a pipeline cost more than some of its statements.</summary>
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestTimeoutException>().Handle<RequestFaultException>(),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    public PurchaseService(PurchaseStore store, CustomerStore customers, Payments.PaymentBook book, IRequestClient<IssueToken> keyAuthority,
        VendingOptions options)
    {
        (this.store, this.customers, this.book, this.keyAuthority, this.options) = (store, customers, book, keyAuthority, options);
    }

    public async Task<PurchaseOutcome> PurchaseAsync(PurchaseRequested request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await RunAsync(request, cancellationToken);
        }
        catch (PurchaseRaceException)
        {
            return await RunAsync(request, cancellationToken); // it is stored now (a failed write learns it after the commit)
        }
    }

    private async Task<PurchaseOutcome> RunAsync(PurchaseRequested request, CancellationToken cancellationToken)
    {
        var facts = await store.ReadAsync(request, customers.E164(request.Phone), options.Currency, cancellationToken);
        var (purchase, customer) = (facts.Purchase, facts.Customer);
        var reply = new Reply(purchase, customer?.Phone ?? request.Phone, customer?.Language ?? "en");
        if (purchase.Status == PurchaseStatus.Requested && await PayAsync(facts, request, reply, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (purchase.Status == PurchaseStatus.AwaitingPayment)
        {
            return PurchaseOutcome.Waiting; // the first delivery asked for the charge; the provider's callback moves it on
        }

        if (purchase.Status == PurchaseStatus.Paid && await RequestTokensAsync(purchase, reply, cancellationToken) is { } pending)
        {
            return pending;
        }

        return purchase.Status is PurchaseStatus.Issued or PurchaseStatus.Delivered
            ? new PurchaseOutcome(await reply.IssuedAsync(store, cancellationToken), null)
            : reply.Refused(Enum.Parse<PurchaseRejection>(purchase.Reason!), purchase.Detail ?? "");
    }

    private async Task<PurchaseOutcome?> PayAsync(PurchaseFacts facts, PurchaseRequested request, Reply reply, CancellationToken cancellationToken)
    {
        var (purchase, customer) = (facts.Purchase, facts.Customer);
        async Task<PurchaseOutcome> Refuse(PurchaseRejection reason, string detail, Func<PurchaseRejected, PurchaseRejected>? facts = null)
        {
            if (!await store.RejectAsync(purchase, reason, detail, cancellationToken))
            {
                throw new PurchaseRaceException(purchase.IdempotencyKey); // moved on meanwhile: go on from what is stored
            }

            var outcome = reply.Refused(reason, detail);
            return facts is null ? outcome : outcome with { Rejected = facts(outcome.Rejected!) };
        }

        if (customer is null)
        {
            return await Refuse(PurchaseRejection.UnknownCustomer, "this phone is not registered");
        }

        purchase.CustomerId = customer.Id;
        var (linked, meterNumber) = (facts.Linked, facts.MeterNumber);
        if (meterNumber is null)
        {
            return linked.Count == 0
                ? await Refuse(PurchaseRejection.MeterNotLinked, "no meter is linked to this phone")
                : await Refuse(PurchaseRejection.MeterChoiceNeeded, "this phone buys for several meters: name one", r => r with { Meters = linked });
        }

        purchase.MeterNumber = meterNumber;
        if (facts.Meter is not { } meter)
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

        var tariff = facts.Tariff ?? throw new InvalidOperationException($"meter {meterNumber} has no tariff {meter.TariffId}");
        var paid = Money.Rounded(request.Amount, tariff.Currency);
        try
        {
            if (request.ChargePhone)
            {
                // Checked now, so nobody is charged for a purchase the tariff would refuse.
                Pricing.CheckLimits(tariff, paid);
                await store.MoveAsync(purchase, PurchaseStatus.Requested, PurchaseStatus.AwaitingPayment, cancellationToken);
                return new PurchaseOutcome(null, null, new MobileMoneyChargeRequested(purchase.PurchaseId, customer.Phone, paid.Amount, paid.Currency, meterNumber));
            }

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

    /// <summary>Settles a parked purchase from the provider's callback: a success is credited once and the purchase goes on.</summary>
    public async Task<PurchaseOutcome> SettleChargeAsync(MobileMoneyChargeSettled settled, CancellationToken cancellationToken = default)
    {
        var purchase = (await store.SearchAsync(null, null, null, settled.PurchaseId, issuedOnly: false, 1, cancellationToken)).SingleOrDefault()
            ?? throw new ArgumentException($"no purchase {settled.PurchaseId} waits for a charge");
        if (settled.ResultCode == 0)
        {
            var id = settled.ProviderTransactionId ?? throw new ArgumentException("a successful charge carries the provider's receipt number");
            // A late success still lands in the wallet: the money is never lost.
            await book.RecordAsync(id, "stk", purchase.Phone, purchase.MeterNumber, Money.Of(settled.Amount, settled.Currency), purchase.CustomerId, settled.Raw, cancellationToken);
            await store.MoveAsync(purchase, PurchaseStatus.AwaitingPayment, PurchaseStatus.Requested, cancellationToken);
        }
        else if (purchase.Status == PurchaseStatus.AwaitingPayment)
        {
            var reason = settled.ResultCode == 1032 ? PurchaseRejection.PaymentCancelled : PurchaseRejection.PaymentFailed;
            await store.RejectAsync(purchase, reason, reason == PurchaseRejection.PaymentCancelled ? "the payment was cancelled on the phone" : "the mobile-money payment failed", cancellationToken);
        }

        return await PurchaseAsync(Resumed(purchase), cancellationToken);
    }

    /// <summary>Refuses parked purchases whose charge was never settled; returns what to tell their customers.</summary>
    public async Task<IReadOnlyList<PurchaseOutcome>> ExpireChargesAsync(DateTimeOffset settledBefore, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<PurchaseOutcome>();
        foreach (var purchase in await store.AwaitingSinceAsync(settledBefore, cancellationToken))
        {
            await store.RejectAsync(purchase, PurchaseRejection.PaymentTimedOut, "the mobile-money payment did not arrive in time; if it arrives later it goes to the wallet", cancellationToken);
            outcomes.Add(await PurchaseAsync(Resumed(purchase), cancellationToken));
        }

        return outcomes;
    }

    /// <summary>The request a parked purchase came from, as its settlement continues it (the charge authenticated the buyer).</summary>
    private static PurchaseRequested Resumed(PurchaseRow purchase) => new()
    {
        IdempotencyKey = purchase.IdempotencyKey, Phone = purchase.Phone, MeterNumber = purchase.MeterNumber,
        Amount = Money.MajorOf(purchase.AmountMinor, purchase.Currency), Channel = purchase.Channel, PaidByProvider = true,
    };

    private async Task<PurchaseOutcome?> RequestTokensAsync(PurchaseRow purchase, Reply reply, CancellationToken cancellationToken)
    {
        var receipt = JsonSerializer.Deserialize<Receipt>(purchase.Receipt!)!;
        var request = new IssueToken(purchase.PurchaseId, purchase.MeterNumber!, TokenOperation.Credit, receipt.Units, "vending");
        Response<TokenSetIssued, TokenRequestRejected> response;
        try
        {
            response = await Retry.ExecuteAsync(async token => await keyAuthority.GetResponse<TokenSetIssued, TokenRequestRejected>(
                request, token, RequestTimeout.After(ms: (int)options.KeyAuthorityTimeout.TotalMilliseconds)), cancellationToken);
        }
        catch (Exception e) when (e is RequestTimeoutException or RequestFaultException)
        {
            // No answer, or the KeyAuthority failed to make one (its database restarting): not a refusal, so the purchase stays
            // paid and a later delivery completes it. A refusal comes as TokenRequestRejected, and is refunded below.
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
