using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Tariffs;
using SmsVending.Vending.Tests.Support;
using SmsVending.Vending.Tests.Tariffs;

namespace SmsVending.Vending.Tests.Meters;

public abstract class MeterRegistryTests(DatabaseProvider provider) : VendingTest(provider)
{
    private static readonly string Meter = MeterNumber.Create("0200000001").Digits;

    protected override async Task SeedAsync() => await App.Get<TariffStore>().SaveAsync(PricingTests.Domestic);

    [Theory]
    [InlineData("01234567890", TokenProfile.Sts, "electricity", "DOMESTIC", "check digit")]
    [InlineData("SHS 1", TokenProfile.OpenPaygo, "electricity", "DOMESTIC", "1 to 32 letters, digits or dashes")]
    [InlineData("01234567897", TokenProfile.Sts, "steam", "DOMESTIC", "not steam")]
    [InlineData("01234567897", TokenProfile.Sts, "electricity", "COMMERCIAL", "no tariff COMMERCIAL")]
    public async Task Add_BadMeter_SaysWhatIsWrongAndStoresNothing(string meter, TokenProfile profile, string utility, string tariff, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Registry.AddAsync(meter, utility, profile, tariff));

        Assert.Contains(expected, error.Message);
        Assert.Equal(0, (await Registry.ListAsync(null, 10, 0)).Total);
    }

    [Fact]
    public async Task Add_GroupedStsNumber_IsStoredAsDigitsAndOnlyOnce()
    {
        var added = await Registry.AddAsync("0123 4567 897", "electricity", TokenProfile.Sts, "DOMESTIC");

        var again = await Assert.ThrowsAsync<RefusedException>(() => Registry.AddAsync("01234567897", "water", TokenProfile.Sts, "DOMESTIC"));

        Assert.Equal("01234567897", added.MeterNumber);
        Assert.Contains("registered already", again.Message);
        Assert.Equal(RefusalKind.Conflict, again.Kind);
    }

    [Fact]
    public async Task Bind_UnknownMeterOrRole_IsRefused()
    {
        var customer = await Customers.RegisterAsync("+254712345678", "Wanjiku");
        await Registry.AddAsync(Meter, "electricity", TokenProfile.Sts, "DOMESTIC");

        var unknown = await Assert.ThrowsAsync<RefusedException>(() => Registry.BindAsync(customer.Id, "00000000000", BindingRole.Owner));
        var role = await Assert.ThrowsAsync<ArgumentException>(() => Registry.BindAsync(customer.Id, Meter, "tenant"));

        Assert.Contains("no meter 00000000000", unknown.Message);
        Assert.Equal(RefusalKind.NotFound, unknown.Kind);
        Assert.Contains("not tenant", role.Message);
        Assert.Empty(await Registry.MetersOfAsync(customer.Id));
    }

    [Fact]
    public async Task Bind_SecondOwner_IsRefusedButABuyerIsWelcome()
    {
        var owner = await Customers.RegisterAsync("+254712345678", "Wanjiku");
        var other = await Customers.RegisterAsync("+254722000111", "Otieno");
        await Registry.AddAsync(Meter, "electricity", TokenProfile.Sts, "DOMESTIC");
        await Registry.BindAsync(owner.Id, Meter, BindingRole.Owner);

        var error = await Assert.ThrowsAsync<RefusedException>(() => Registry.BindAsync(other.Id, Meter, BindingRole.Owner));
        await Registry.BindAsync(other.Id, Meter, BindingRole.Buyer);

        Assert.Contains("has an owner already", error.Message);
        Assert.Equal(RefusalKind.Conflict, error.Kind);
        Assert.Equal([("+254712345678", "owner"), ("+254722000111", "buyer")], await Registry.HoldersOfAsync(Meter));
    }

    [Fact]
    public async Task Unbind_RemovesTheBindingOnce()
    {
        var customer = await Customers.RegisterAsync("+254712345678", "Wanjiku");
        await Registry.AddAsync(Meter, "electricity", TokenProfile.Sts, "DOMESTIC");
        await Registry.BindAsync(customer.Id, Meter, BindingRole.Owner);

        Assert.True(await Registry.UnbindAsync(customer.Id, Meter));
        Assert.False(await Registry.UnbindAsync(customer.Id, Meter));
        Assert.Null(await Registry.OwnerOfAsync(Meter));
    }

    [Fact]
    public async Task SetStatus_BlocksAKnownMeterOnly()
    {
        await Registry.AddAsync(Meter, "electricity", TokenProfile.Sts, "DOMESTIC");

        var blocked = await Registry.SetStatusAsync(Meter, MeterStatus.Blocked);

        Assert.Equal(MeterStatus.Blocked, blocked!.Status);
        Assert.Equal(MeterStatus.Blocked, (await Registry.FindAsync(Meter))!.Status);
        Assert.Null(await Registry.SetStatusAsync("00000000000", MeterStatus.Blocked));
    }

    [Fact]
    public async Task List_Query_MatchesPartOfTheNumber()
    {
        await Registry.AddAsync(Meter, "electricity", TokenProfile.Sts, "DOMESTIC");
        await Registry.AddAsync("SHS-7", "electricity", TokenProfile.OpenPaygo, "DOMESTIC");

        var (page, total) = await Registry.ListAsync("SHS", 10, 0);

        Assert.Equal(1, total);
        Assert.Equal(TokenProfile.OpenPaygo, page[0].Profile);
    }

    private MeterRegistry Registry => App.Get<MeterRegistry>();

    private CustomerStore Customers => App.Get<CustomerStore>();
}

public sealed class SqliteMeterRegistryTests() : MeterRegistryTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeterRegistryTests() : MeterRegistryTests(DatabaseProvider.Postgres);
