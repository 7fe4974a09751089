using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Messaging;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Customers;

/// <summary>SMS PIN: the old PIN (0000 before the first) authorises the new one; wrong ones count towards the purchase lock.</summary>
public abstract class PinChangeServiceTests(DatabaseProvider provider) : VendingTest(provider)
{
    private const string Phone = "+254712345678";

    [Fact]
    public async Task Change_RightOldPin_SetsTheNewPin()
    {
        var (customer, _) = await App.SeedAsync(pin: "4321");

        var changed = (await ChangeAsync("0712 345 678", "4321", "56789")).Done!;

        Assert.Equal((Phone, "en"), (changed.Phone, changed.Language));
        Assert.Null(await Customers.CheckPinAsync(await ReloadAsync(customer), "56789"));
        Assert.Equal(PinOutcome.Wrong, (await Customers.CheckPinAsync(await ReloadAsync(customer), "4321"))!.Outcome);
    }

    [Fact]
    public async Task Change_NoPinYet_TakesTheFirstPin0000AndPurchasesThenNeedThePin()
    {
        var (customer, _) = await App.SeedAsync();

        Assert.NotNull((await ChangeAsync(Phone, CustomerStore.FirstPin, "2468")).Done);

        Assert.Equal(PinOutcome.Missing, (await Customers.CheckPinAsync(await ReloadAsync(customer), null))!.Outcome);
        Assert.Null(await Customers.CheckPinAsync(await ReloadAsync(customer), "2468"));
    }

    [Fact]
    public async Task Change_NoPinYetAndAnotherOldPin_IsWrongPinThatNames0000()
    {
        await App.SeedAsync();

        var refused = await AssertRefusedAsync(Phone, "1234", "2468", PinRefusal.WrongPin);

        Assert.Contains("0000", refused.Message);
    }

    [Fact]
    public async Task Change_WrongOldPin_CountsTowardsThePurchaseLock()
    {
        var (customer, _) = await App.SeedAsync(pin: "4321");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(PinOutcome.Wrong, (await Customers.CheckPinAsync(customer, "1111"))!.Outcome);
        }

        await AssertRefusedAsync(Phone, "1111", "2468", PinRefusal.WrongPin);
        var locked = await AssertRefusedAsync(Phone, "1111", "2468", PinRefusal.PinLocked);
        await AssertRefusedAsync(Phone, "4321", "2468", PinRefusal.PinLocked);

        Assert.Equal(App.Clock.GetUtcNow().AddMinutes(15), locked.LockedUntil);
        Assert.Equal(PinOutcome.Locked, (await Customers.CheckPinAsync(await ReloadAsync(customer), "4321"))!.Outcome);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("123456789")]
    [InlineData("12a4")]
    public async Task Change_InvalidNewPin_IsRefusedWithoutCountingAFailure(string newPin)
    {
        var (customer, _) = await App.SeedAsync(pin: "4321");

        await AssertRefusedAsync(Phone, "1111", newPin, PinRefusal.InvalidNewPin);

        Assert.Equal(0, (await ReloadAsync(customer)).PinFailures);
    }

    [Fact]
    public async Task Change_UnknownPhone_IsUnknownCustomer()
    {
        await App.SeedAsync(pin: "4321");

        await AssertRefusedAsync("+254700000001", "4321", "2468", PinRefusal.UnknownCustomer);
    }

    [Fact]
    public async Task Change_Repeated_AnswersPinChangedAgainAndCountsNoFailure()
    {
        var (customer, _) = await App.SeedAsync(pin: "4321");

        var first = await ChangeAsync(Phone, "4321", "2468");
        var again = await ChangeAsync(Phone, "4321", "2468");

        Assert.NotNull(first.Done);
        Assert.NotNull(again.Done);
        Assert.Equal(0, (await ReloadAsync(customer)).PinFailures);
    }

    private CustomerStore Customers => App.Get<CustomerStore>();

    private Task<Answer<PinChanged, PinChangeRefused>> ChangeAsync(string phone, string oldPin, string newPin) =>
        App.Get<PinChangeService>().ChangeAsync(new ChangePin("SM" + Guid.NewGuid().ToString("N"), phone, oldPin, newPin));

    private async Task<Customer> ReloadAsync(Customer customer) => (await Customers.FindAsync(customer.Id))!;

    private async Task<PinChangeRefused> AssertRefusedAsync(string phone, string oldPin, string newPin, PinRefusal reason)
    {
        var answer = await ChangeAsync(phone, oldPin, newPin);

        Assert.Null(answer.Done);
        Assert.Equal(reason, answer.Refused!.Reason);
        return answer.Refused;
    }
}

public sealed class SqlitePinChangeServiceTests() : PinChangeServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresPinChangeServiceTests() : PinChangeServiceTests(DatabaseProvider.Postgres);
