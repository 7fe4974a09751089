using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Meters;

/// <summary>SMS REG: the KeyAuthority checks the code, Vending registers the phone and links it as owner or buyer.</summary>
public abstract class MeterLinkServiceTests(DatabaseProvider provider) : VendingTest(provider)
{
    private const string Code = "4821-7730";
    private string meter = "";

    protected override async Task SeedAsync() => meter = await App.AddMeterAsync(500, Code);

    [Fact]
    public async Task Link_NewPhoneRightCode_RegistersTheCustomerAsTheOwner()
    {
        var linked = (await App.LinkAsync("0722 000 111", meter, Code)).Done!;

        Assert.Equal(("+254722000111", meter, "en", true), (linked.Phone, linked.MeterNumber, linked.Language, linked.NewCustomer));
        Assert.Equal([meter], linked.Meters);
        var customer = (await App.Get<CustomerStore>().FindByPhoneAsync("+254722000111"))!;
        Assert.Equal(("", "en"), (customer.Name, customer.Language));
        Assert.Equal(customer.Id, await App.Get<MeterRegistry>().OwnerOfAsync(meter));
    }

    [Fact]
    public async Task Link_SecondPhone_BecomesABuyerAndTheOwnerStays()
    {
        await App.LinkAsync("+254722000111", meter, Code);

        var second = (await App.LinkAsync("+254722000222", meter, Code)).Done!;

        var owner = (await App.Get<CustomerStore>().FindByPhoneAsync("+254722000111"))!;
        var buyer = (await App.Get<CustomerStore>().FindByPhoneAsync(second.Phone))!;
        Assert.Equal(owner.Id, await App.Get<MeterRegistry>().OwnerOfAsync(meter));
        Assert.Equal([(meter, BindingRole.Buyer)], await App.Get<MeterRegistry>().MetersOfAsync(buyer.Id));
    }

    [Fact]
    public async Task Link_Twice_IsHarmlessAndKeepsTheRole()
    {
        await App.LinkAsync("+254722000111", meter, Code);
        await App.LinkAsync("+254722000222", meter, Code);

        var again = (await App.LinkAsync("+254722000111", meter, Code)).Done!;

        Assert.False(again.NewCustomer);
        Assert.Equal([meter], again.Meters);
        var owner = (await App.Get<CustomerStore>().FindByPhoneAsync("+254722000111"))!;
        Assert.Equal(owner.Id, await App.Get<MeterRegistry>().OwnerOfAsync(meter));
    }

    [Fact]
    public async Task Link_ExistingCustomer_AddsTheMeterAndRepliesInTheirLanguage()
    {
        var customer = await App.Get<CustomerStore>().RegisterAsync("+254733000333", "Juma", "sw");
        var first = await App.AddMeterAsync(501, "1111");
        await App.LinkAsync(customer.Phone, first, "1111");

        var linked = (await App.LinkAsync(customer.Phone, meter, Code)).Done!;

        Assert.Equal(("sw", false), (linked.Language, linked.NewCustomer));
        Assert.Equal(new[] { first, meter }.Order(), linked.Meters);
    }

    [Fact]
    public async Task Link_MistypedMeter_IsUnknownWithACheckDigitHint()
    {
        var refused = await AssertRefusedAsync("+254722000111", TestVending.Mistyped(meter), Code, LinkRefusal.UnknownMeter);

        Assert.Null(refused.MeterNumber);
        Assert.Contains($"the last would be {meter[^1]}", refused.Message);
    }

    [Fact]
    public async Task Link_WrongCode_SaysHowManyAttemptsAreLeft()
    {
        var refused = await AssertRefusedAsync("+254722000111", meter, "0000", LinkRefusal.WrongCode);

        Assert.Equal((meter, 4), (refused.MeterNumber, refused.AttemptsLeft));
    }

    [Fact]
    public async Task Link_FiveWrongCodes_LockTheAccountEvenForTheRightCode()
    {
        for (var i = 0; i < 4; i++)
        {
            await AssertRefusedAsync("+254722000111", meter, "0000", LinkRefusal.WrongCode);
        }

        var locked = await AssertRefusedAsync("+254722000111", meter, "0000", LinkRefusal.Locked);
        await AssertRefusedAsync("+254722000111", meter, Code, LinkRefusal.Locked);

        Assert.Equal(App.Clock.GetUtcNow().AddMinutes(15), locked.LockedUntil);
    }

    [Fact]
    public async Task Link_MeterWithoutCode_IsNoCodeSet()
    {
        var uncoded = await App.AddMeterAsync(502);

        await AssertRefusedAsync("+254722000111", uncoded, "anything", LinkRefusal.NoCodeSet);
    }

    [Fact]
    public async Task Link_InvalidPhone_IsRefused()
    {
        var refused = await AssertRefusedAsync("12", meter, Code, LinkRefusal.InvalidPhone);

        Assert.Equal("12", refused.Phone);
    }

    [Fact]
    public async Task Link_KeyAuthorityDown_IsUnavailableAndLinksNothing()
    {
        App = await App.RestartAsync(keyAuthorityOnline: false);

        var refused = await AssertRefusedAsync("+254722000111", meter, Code, LinkRefusal.KeyAuthorityUnavailable);

        Assert.Equal(meter, refused.MeterNumber);
        Assert.Null(await App.Get<MeterRegistry>().OwnerOfAsync(meter));
    }

    private async Task<MeterLinkRefused> AssertRefusedAsync(string phone, string meterNumber, string code, LinkRefusal reason)
    {
        var answer = await App.LinkAsync(phone, meterNumber, code);

        Assert.Null(answer.Done);
        Assert.Equal(reason, answer.Refused!.Reason);
        Assert.Null(await App.Get<CustomerStore>().FindByPhoneAsync(phone));
        return answer.Refused;
    }
}

public sealed class SqliteMeterLinkServiceTests() : MeterLinkServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeterLinkServiceTests() : MeterLinkServiceTests(DatabaseProvider.Postgres);
