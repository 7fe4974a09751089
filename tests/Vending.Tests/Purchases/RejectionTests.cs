using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Purchases;

/// <summary>Every refusal carries a reason and the facts for a helpful reply, and moves no money.</summary>
public sealed class RejectionTests : VendingTest
{
    private const string Phone = "+254712345678";
    private string[] meters = [];
    private string customerId = "";

    protected override async Task SeedAsync()
    {
        var (customer, owned) = await App.SeedAsync(meterCount: 2, pin: "4321");
        (meters, customerId) = (owned, customer.Id);
        await App.TopUpAsync(Phone, 600m);
    }

    [Fact]
    public async Task UnknownPhone_IsUnknownCustomer() =>
        await AssertRefusedAsync(TestVending.Sms("+254700000001", meters[0], 100m, "4321"), PurchaseRejection.UnknownCustomer);

    [Fact]
    public async Task MistypedMeter_GetsACheckDigitHint()
    {
        var refused = await AssertRefusedAsync(TestVending.Sms(Phone, TestVending.Mistyped(meters[0]), 100m, "4321"), PurchaseRejection.UnknownMeter);

        Assert.Contains($"the last would be {meters[0][^1]}", refused.Message);
    }

    [Fact]
    public async Task SomeoneElsesMeter_IsNotLinkedAndListsTheOwnMeters()
    {
        var other = MeterNumber.Create("0888000001").Digits;
        await App.Get<MeterRegistry>().AddAsync(other, "electricity", Contracts.KeyAuthority.TokenProfile.Sts, "DOMESTIC");

        var refused = await AssertRefusedAsync(TestVending.Sms(Phone, other, 100m, "4321"), PurchaseRejection.MeterNotLinked);

        Assert.Equal(meters, refused.Meters);
    }

    [Fact]
    public async Task NoMeterNamedWithSeveralLinked_AsksToChoose()
    {
        var refused = await AssertRefusedAsync(TestVending.Sms(Phone, null, 100m, "4321"), PurchaseRejection.MeterChoiceNeeded);

        Assert.Equal(meters, refused.Meters);
    }

    [Fact]
    public async Task Pins_MissingWrongThenLockedAfterFive()
    {
        await AssertRefusedAsync(TestVending.Sms(Phone, meters[0], 100m), PurchaseRejection.PinRequired);
        for (var i = 0; i < 4; i++)
        {
            await AssertRefusedAsync(TestVending.Sms(Phone, meters[0], 100m, "1111"), PurchaseRejection.WrongPin);
        }

        var locked = await AssertRefusedAsync(TestVending.Sms(Phone, meters[0], 100m, "1111"), PurchaseRejection.PinLocked);
        await AssertRefusedAsync(TestVending.Sms(Phone, meters[0], 100m, "4321"), PurchaseRejection.PinLocked);
        Assert.Equal(App.Clock.GetUtcNow().AddMinutes(15), locked.LockedUntil);

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.NotNull((await App.BuyAsync(TestVending.Sms(Phone, meters[0], 300m, "4321"))).Issued);
    }

    [Theory]
    [InlineData(49, PurchaseRejection.BelowMinimum, 50)]
    [InlineData(35_001, PurchaseRejection.AboveMaximum, 35_000)]
    [InlineData(700, PurchaseRejection.InsufficientBalance, 600)]
    public async Task Amounts_OutsideLimitsOrBalance_NameTheLimit(decimal amount, PurchaseRejection reason, decimal limit)
    {
        var refused = await AssertRefusedAsync(TestVending.Sms(Phone, meters[0], amount, "4321"), reason);

        Assert.Equal(limit, refused.Amount);
    }

    [Fact]
    public async Task RefusedRequest_DeliveredAgain_RepliesTheSame()
    {
        var request = TestVending.Sms(Phone, meters[0], 49m, "4321");

        var first = await AssertRefusedAsync(request, PurchaseRejection.BelowMinimum);
        var again = await AssertRefusedAsync(request, PurchaseRejection.BelowMinimum);

        Assert.Equal((first.PurchaseId, first.Message), (again.PurchaseId, again.Message));
    }

    private async Task<PurchaseRejected> AssertRefusedAsync(PurchaseRequested request, PurchaseRejection reason)
    {
        var outcome = await App.BuyAsync(request);

        Assert.Null(outcome.Issued);
        Assert.Equal(reason, outcome.Rejected!.Reason);
        Assert.False(outcome.Rejected.WillRetry);
        Assert.Equal(600m, (await App.WalletAsync(customerId)).Amount);
        Assert.True((await App.Get<Reconciliation>().CheckAsync()).Balanced);
        return outcome.Rejected;
    }
}
