using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Payments;

/// <summary>STK-push purchases: parked until the provider's callback settles them, whatever order callbacks arrive in.</summary>
public sealed class MobileMoneyChargeTests : VendingTest
{
    private const string Phone = "+254712345678";
    private string customerId = "";
    private string meter = "";

    protected override async Task SeedAsync()
    {
        var (customer, meters) = await App.SeedAsync(pin: "2468");
        (customerId, meter) = (customer.Id, meters[0]);
    }

    [Fact]
    public async Task ChargePhone_ParksThePurchaseAndAsksForTheChargeOnce()
    {
        var request = Push(500m);

        var first = await App.BuyAsync(request);
        var again = await App.BuyAsync(request);

        Assert.Equal((Phone, 500m, meter), (first.Charge!.Phone, first.Charge.Amount, first.Charge.AccountReference));
        Assert.Equal(PurchaseOutcome.Waiting, again);
        Assert.Equal(0m, (await App.WalletAsync(customerId)).Amount);
    }

    [Fact]
    public async Task Success_CreditsOnceAndIssuesTheTokensEvenWhenTheCallbackRepeats()
    {
        var charge = (await App.BuyAsync(Push(500m))).Charge!;
        var callback = new MobileMoneyChargeSettled(charge.PurchaseId, 0, "QKA1B2C3D4", 500m, "KES", "{}");

        var settled = await Settle(callback);
        var repeated = await Settle(callback);

        Assert.Equal(settled.Issued!.Tokens, repeated.Issued!.Tokens);
        Assert.Equal(500m - settled.Issued.Receipt.Charged, (await App.WalletAsync(customerId)).Amount);
        Assert.True((await App.Get<Reconciliation>().CheckAsync()).Balanced);
    }

    [Theory]
    [InlineData(1032, PurchaseRejection.PaymentCancelled)]
    [InlineData(1, PurchaseRejection.PaymentFailed)]
    public async Task CancelledOrFailed_RefusesAndMovesNoMoney(int resultCode, PurchaseRejection reason)
    {
        var charge = (await App.BuyAsync(Push(500m))).Charge!;

        var settled = await Settle(new MobileMoneyChargeSettled(charge.PurchaseId, resultCode, null, 0m, "KES", "{}"));

        Assert.Equal(reason, settled.Rejected!.Reason);
        Assert.Equal(0m, (await App.WalletAsync(customerId)).Amount);
    }

    [Fact]
    public async Task NoCallbackInTime_TimesOut_AndALateSuccessGoesToTheWallet()
    {
        var charge = (await App.BuyAsync(Push(500m))).Charge!;
        App.Clock.Advance(TimeSpan.FromMinutes(4));

        using var scope = App.Services.CreateScope();
        var expired = await scope.ServiceProvider.GetRequiredService<PurchaseService>().ExpireChargesAsync(App.Clock.GetUtcNow() - TimeSpan.FromMinutes(3));
        var late = await Settle(new MobileMoneyChargeSettled(charge.PurchaseId, 0, "QKLATE0001", 500m, "KES", "{}"));

        Assert.Equal(PurchaseRejection.PaymentTimedOut, Assert.Single(expired).Rejected!.Reason);
        Assert.Equal(PurchaseRejection.PaymentTimedOut, late.Rejected!.Reason);
        Assert.Equal(500m, (await App.WalletAsync(customerId)).Amount);
        Assert.True((await App.Get<Reconciliation>().CheckAsync()).Balanced);
    }

    [Fact]
    public async Task Sweeper_RefusesAnUnsettledChargeAndPublishesTheRefusal()
    {
        await using var swept = await TestVending.StartAsync(DatabaseProvider.Sqlite, backgroundServices: true);
        await swept.SeedAsync();
        var charge = (await swept.BuyAsync(TestVending.Sms(Phone, null, 500m) with { ChargePhone = true })).Charge!;

        swept.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(31));

        Assert.True(await swept.Harness.Published.Any<PurchaseRejected>(m =>
            m.Context.Message.PurchaseId == charge.PurchaseId && m.Context.Message.Reason == PurchaseRejection.PaymentTimedOut));
    }

    [Fact]
    public async Task ChargePhone_BelowMinimum_IsRefusedBeforeAnyCharge()
    {
        var outcome = await App.BuyAsync(Push(20m));

        Assert.Null(outcome.Charge);
        Assert.Equal(PurchaseRejection.BelowMinimum, outcome.Rejected!.Reason);
    }

    private static PurchaseRequested Push(decimal amount) => TestVending.Sms(Phone, null, amount, "2468") with { Channel = "ussd", ChargePhone = true };

    private async Task<PurchaseOutcome> Settle(MobileMoneyChargeSettled callback)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PurchaseService>().SettleChargeAsync(callback);
    }
}
