using Microsoft.Extensions.DependencyInjection;
using Dapper;
using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;
using SmsVending.Vending.Tests.Support;
using SmsVending.Vending.Tests.Tariffs;

namespace SmsVending.Vending.Tests.Purchases;

/// <summary>Purchases end to end through Vending and the real KeyAuthority, once per database provider.</summary>
public abstract class PurchasePipelineTests(DatabaseProvider provider) : VendingTest(provider)
{
    private const string Phone = "+254712345678";

    [Fact]
    public async Task Buy_FundedWallet_IssuesATokenForTheReceiptsUnitsAndDebitsTheCharge()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);

        var outcome = await App.BuyAsync(TestVending.Sms("0712 345 678", meters[0], 500m));

        var issued = outcome.Issued!;
        Assert.Equal((100m, 344.40m, 55.10m, 28.7m, 499.50m), (issued.Receipt.FixedCharge, issued.Receipt.Energy, issued.Receipt.Vat, issued.Receipt.Units, issued.Receipt.Charged));
        var decoded = TokenDecoder.Decode(StsToken.Parse(Assert.Single(issued.Tokens).Digits), TestVending.Cipher(meters[0]));
        Assert.Equal((true, 28.7m), (decoded.CrcOk, decoded.Amount));
        Assert.Equal(500.50m, (await App.WalletAsync(customer.Id)).Amount);
        Assert.Equal(500.50m, issued.Receipt.WalletBalance);
        await AssertBooksBalanceAsync();
    }

    [Fact]
    public async Task Buy_WithoutMeter_UsesThePhonesOnlyMeter()
    {
        var (_, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);

        var outcome = await App.BuyAsync(TestVending.Sms(Phone, null, 200m));

        Assert.Equal(meters[0], outcome.Issued!.MeterNumber);
    }

    [Fact]
    public async Task Buy_DeliveredTwice_DebitsOnceAndRepliesWithTheSameTokens()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 300m);

        var first = await App.BuyAsync(request);
        var second = await App.BuyAsync(request);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.BuyAsync(request)));

        Assert.Equal(first.Issued!.Tokens, second.Issued!.Tokens);
        Assert.All(concurrent, c => Assert.Equal(first.Issued.Tokens, c.Issued!.Tokens));
        Assert.Equal(1000m - first.Issued.Receipt.Charged, (await App.WalletAsync(customer.Id)).Amount);
        await AssertBooksBalanceAsync();
    }

    [Fact]
    public async Task Buy_FirstDeliveredSeveralTimesAtOnce_StoresOnePurchaseDebitsOnceAndRepliesWithTheSameTokens()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 300m);

        // None finds the purchase stored: each makes it, the first write stores it, and the others go on from it.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.BuyAsync(request)));

        Assert.All(outcomes, o => Assert.Equal(outcomes[0].Issued!.Tokens, o.Issued!.Tokens));
        Assert.Equal(1000m - outcomes[0].Issued!.Receipt.Charged, (await App.WalletAsync(customer.Id)).Amount);
        await using var connection = await App.Get<VendingDatabase>().OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM vd_purchases WHERE idempotency_key = @k", new { k = request.IdempotencyKey }));
        await AssertBooksBalanceAsync();
    }

    [Fact]
    public async Task Buy_StoredMeanwhileByAnotherDelivery_TheLaterWriteIsRefusedAndTheDeliveryGoesOnFromTheStoredPurchase()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 300m);
        var store = App.Get<PurchaseStore>();
        // Two deliveries each found nothing stored and made the purchase; the first stores it, as its refusal.
        var first = (await store.ReadAsync(request, Phone, "KES", default)).Purchase;
        var second = (await store.ReadAsync(request, Phone, "KES", default)).Purchase;
        await store.RejectAsync(first, PurchaseRejection.Blocked, "this account is blocked", default);

        await Assert.ThrowsAsync<PurchaseRaceException>(() => store.PayAsync(second, customer.Id, meters[0], _ => throw new InvalidOperationException("not priced"), default));
        var outcome = await App.BuyAsync(request);

        Assert.Equal(PurchaseRejection.Blocked, outcome.Rejected!.Reason);
        Assert.Equal(1000m, (await App.WalletAsync(customer.Id)).Amount);
    }

    [Fact]
    public async Task Reject_APurchaseThatMovedOnMeanwhile_IsFalseAndChangesNeitherTheStoredNorTheLoadedPurchase()
    {
        var (_, meters) = await App.SeedAsync();
        var request = TestVending.Sms(Phone, meters[0], 300m);
        var store = App.Get<PurchaseStore>();
        var first = (await store.ReadAsync(request, Phone, "KES", default)).Purchase;
        Assert.True(await store.MoveAsync(first, PurchaseStatus.Requested, PurchaseStatus.Requested, default)); // stored, still requested
        var stale = (await store.ReadAsync(request, Phone, "KES", default)).Purchase; // a second delivery loads it
        Assert.True(await store.RejectAsync(first, PurchaseRejection.Blocked, "this account is blocked", default));

        Assert.False(await store.RejectAsync(stale, PurchaseRejection.WrongPin, "the PIN is wrong", default));

        Assert.Equal((PurchaseStatus.Requested, null), (stale.Status, stale.Reason));
        var stored = await store.FindByKeyAsync(request.IdempotencyKey, default);
        Assert.Equal((PurchaseStatus.Rejected, nameof(PurchaseRejection.Blocked)), (stored!.Status, stored.Reason));
    }

    /// <summary>Purchases for one meter race on its TID and its owner's wallet; two instances of each service take them at once.</summary>
    [Fact]
    public async Task Buy_ManyForOneMeterAtOnceOnTwoInstances_EachVendsOnceWithItsOwnTidAndTheWalletNeverOverdraws()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        await using var second = await App.SecondInstanceAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? App : second).BuyAsync(TestVending.Sms(Phone, meters[0], 200m))));

        var issued = outcomes.Where(o => o.Issued is not null).Select(o => o.Issued!).ToList();
        Assert.Equal(5, issued.Count); // each charges at most 200 of the 1000
        Assert.All(outcomes.Where(o => o.Issued is null), o => Assert.Equal(PurchaseRejection.InsufficientBalance, o.Rejected!.Reason));
        var tids = issued.Select(i => TokenDecoder.Decode(StsToken.Parse(Assert.Single(i.Tokens).Digits), TestVending.Cipher(meters[0]))).ToList();
        Assert.All(tids, t => Assert.True(t.CrcOk));
        Assert.Equal(5, tids.Select(t => t.Tid).Distinct().Count());
        var balance = (await App.WalletAsync(customer.Id)).Amount;
        Assert.Equal(1000m - issued.Sum(i => i.Receipt.Charged), balance);
        Assert.True(balance >= 0m);
        await AssertBooksBalanceAsync();
    }

    [Fact]
    public async Task Buy_KeyAuthorityDown_StaysPaidThenCompletesOnceWhenItIsBack()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 400m);
        App = await App.RestartAsync(keyAuthorityOnline: false);

        var busy = await App.BuyAsync(request);
        var balanceWhileBusy = await App.WalletAsync(customer.Id);
        App = await App.RestartAsync(keyAuthorityOnline: true);
        var done = await App.BuyAsync(request);

        Assert.True(busy.Pending);
        Assert.Equal(PurchaseRejection.ServiceBusy, busy.Rejected!.Reason);
        Assert.Equal(1000m - done.Issued!.Receipt.Charged, balanceWhileBusy.Amount);
        Assert.Equal(balanceWhileBusy, await App.WalletAsync(customer.Id));
        Assert.True(TokenDecoder.Decode(StsToken.Parse(done.Issued.Tokens[0].Digits), TestVending.Cipher(meters[0])).CrcOk);
        await AssertBooksBalanceAsync();
    }

    [Fact]
    public async Task Buy_KeyAuthorityFailsToAnswer_StaysPaidAndIsBusyRatherThanAnError()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 400m);
        App = await App.RestartAsync(keyAuthorityOnline: false);
        // A KeyAuthority that takes the request and fails on it (its store unreadable): the requester gets a fault, not a refusal.
        var requests = 0;
        var failing = App.Harness.Bus.ConnectReceiveEndpoint("issue-token-fails", endpoint => endpoint.Handler<IssueToken>(_ =>
        {
            Interlocked.Increment(ref requests);
            throw new InvalidOperationException("the key store is unreadable (test)");
        }));
        await failing.Ready;

        var busy = await App.BuyAsync(request);
        await failing.StopAsync();

        // Paid and waiting for its token, as when the KeyAuthority does not answer at all (completed by a later delivery, above).
        Assert.True(busy.Pending);
        Assert.Equal(PurchaseRejection.ServiceBusy, busy.Rejected!.Reason);
        Assert.Equal(3, requests); // the first and two retries, each answered by a fault
        Assert.Equal(PurchaseStatus.Paid, (await App.Get<PurchaseStore>().FindByKeyAsync(request.IdempotencyKey, default))!.Status);
        Assert.True((await App.WalletAsync(customer.Id)).Amount < 1000m);
        await AssertBooksBalanceAsync();
    }

    [Fact]
    public async Task Buy_TokenRefusedByTheKeyAuthority_RefundsTheWallet()
    {
        var (customer, _) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var orphan = await AddMeterWithoutKeyAsync(customer.Id);

        var outcome = await App.BuyAsync(TestVending.Sms(Phone, orphan, 500m));

        Assert.Equal(PurchaseRejection.TokenRefused, outcome.Rejected!.Reason);
        Assert.Equal(1000m, (await App.WalletAsync(customer.Id)).Amount);
        await AssertBooksBalanceAsync();
    }

    [Fact]
    public async Task Buy_TokenRefusedForAMeterInDebt_GivesBackTheRecoveryToo()
    {
        var (customer, _) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var orphan = await AddMeterWithoutKeyAsync(customer.Id);
        await App.Get<MeterRegistry>().AddDebtAsync(orphan, Money.Of(300m, "KES"), "arrears-2025");

        var outcome = await App.BuyAsync(TestVending.Sms(Phone, orphan, 500m));

        Assert.Equal(PurchaseRejection.TokenRefused, outcome.Rejected!.Reason);
        Assert.Equal(1000m, (await App.WalletAsync(customer.Id)).Amount);
        await using var connection = await App.Get<VendingDatabase>().OpenAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM vd_ledger WHERE posting_id LIKE 'refund:purchase:%:debt'")); // the purchase recovered debt, and it was refunded
        Assert.Equal(-30000L, await connection.ExecuteScalarAsync<long>("SELECT amount_minor FROM vd_balances WHERE account = @a",
            new { a = LedgerAccounts.Debt(orphan) }));
        await AssertBooksBalanceAsync();
    }

    [Fact]
    public async Task Buy_SecondThisMonth_CountsTheFirstsUnitsAndFixedCharge()
    {
        var (_, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        await App.BuyAsync(TestVending.Sms(Phone, meters[0], 500m));

        var second = (await App.BuyAsync(TestVending.Sms(Phone, meters[0], 300m))).Issued!.Receipt;

        // The first paid the month's fixed charge and used 28.7 of the first block's 30 units, so the second runs into the next block.
        Assert.Equal(0m, second.FixedCharge);
        var (paid, noDebt) = (new Money(30000, "KES"), new Money(0, "KES"));
        Assert.Equal(Pricing.Price(PricingTests.Domestic, paid, 28.7m, false, noDebt).Units, second.Units);
        Assert.NotEqual(Pricing.Price(PricingTests.Domestic, paid, 0m, false, noDebt).Units, second.Units); // the usage mattered
    }

    [Fact]
    public async Task Buy_AfterAPaidPurchaseWasRefunded_CountsNoneOfItsUnitsOrFixedCharge()
    {
        var (customer, _) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var meter = await AddMeterWithoutKeyAsync(customer.Id);
        Assert.Equal(PurchaseRejection.TokenRefused, (await App.BuyAsync(TestVending.Sms(Phone, meter, 500m))).Rejected!.Reason); // paid, then refunded
        await App.RegisterKeyAsync(meter);

        var issued = (await App.BuyAsync(TestVending.Sms(Phone, meter, 500m))).Issued!.Receipt;

        Assert.Equal((100m, 28.7m), (issued.FixedCharge, issued.Units)); // as the month's first purchase
    }

    [Fact]
    public async Task Payment_ToAMeter_CreditsTheOwnerAndVendsOnceEvenWhenRedelivered()
    {
        var (customer, meters) = await App.SeedAsync();
        var payment = new PaymentReceived("QK7H2XYZ1", "254712345678", meters[0], 500m, "KES", "{}");

        using var scope = App.Services.CreateScope();
        var payments = scope.ServiceProvider.GetRequiredService<Vending.Payments.PaymentService>();
        var first = await payments.ReceiveAsync(payment);
        var again = await payments.ReceiveAsync(payment);

        Assert.Equal(first!.Issued!.Tokens, again!.Issued!.Tokens);
        Assert.Equal(first.Issued.Receipt.Paid - first.Issued.Receipt.Charged, (await App.WalletAsync(customer.Id)).Amount);
        await AssertBooksBalanceAsync();
    }

    [Fact]
    public async Task Payment_ToAnUnknownReference_IsHeldInSuspense()
    {
        await App.SeedAsync();

        using var scope = App.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<Vending.Payments.PaymentService>().ReceiveAsync(new PaymentReceived("QK7H2XYZ2", null, "nobody", 50m, "KES", "{}"));

        Assert.Null(outcome);
        await using var connection = await App.Get<VendingDatabase>().OpenAsync();
        Assert.Equal(5000L, await connection.ExecuteScalarAsync<long>("SELECT SUM(amount_minor) FROM vd_ledger WHERE account = @a", new { a = LedgerAccounts.Suspense }));
        await AssertBooksBalanceAsync();
    }

    /// <summary>A meter known to Vending and bound to the customer, but never registered with the KeyAuthority: its tokens are refused.</summary>
    private async Task<string> AddMeterWithoutKeyAsync(string customerId)
    {
        var meter = MeterNumber.Create("0999000001").Digits;
        await App.Get<MeterRegistry>().AddAsync(meter, "electricity", Contracts.KeyAuthority.TokenProfile.Sts, "DOMESTIC");
        await App.Get<MeterRegistry>().BindAsync(customerId, meter, BindingRole.Buyer);
        return meter;
    }

    private async Task AssertBooksBalanceAsync()
    {
        var check = await App.Get<Reconciliation>().CheckAsync();
        Assert.True(check.Balanced, string.Join("; ", check.Findings));
    }
}

public sealed class SqlitePurchasePipelineTests() : PurchasePipelineTests(DatabaseProvider.Sqlite);

public sealed class PostgresPurchasePipelineTests() : PurchasePipelineTests(DatabaseProvider.Postgres);
