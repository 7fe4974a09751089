using SmsVending.Contracts.Refusals;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Customers;

public abstract class CustomerStoreTests(DatabaseProvider provider) : VendingTest(provider)
{
    [Theory]
    [InlineData("12", "Wanjiku", "en", null, "not a valid phone number")]
    [InlineData("0712345678", " ", "en", null, "name has 1 to 100 characters")]
    [InlineData("0712345678", "Wanjiku", "fr", null, "en or sw, not fr")]
    [InlineData("0712345678", "Wanjiku", "sw", "12a4", "4 to 8 digits")]
    [InlineData("0712345678", "Wanjiku", "sw", "123456789", "4 to 8 digits")]
    public async Task Register_BadField_SaysWhatIsWrongAndStoresNothing(string phone, string name, string language, string? pin, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.RegisterAsync(phone, name, language, pin));

        Assert.Contains(expected, error.Message);
        Assert.Equal(0, (await Store.ListAsync(null, 10, 0)).Total);
    }

    [Fact]
    public async Task Register_SamePhoneInAnotherNotation_IsRefused()
    {
        await Store.RegisterAsync("+254712345678", "Wanjiku");

        var error = await Assert.ThrowsAsync<RefusedException>(() => Store.RegisterAsync("0712 345 678", "Someone Else"));

        Assert.Contains("registered already", error.Message);
        Assert.Equal(RefusalKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task List_Query_MatchesNameOrPhoneInAnyNotation()
    {
        await Store.RegisterAsync("+254712345678", "Wanjiku Mwangi");
        await Store.RegisterAsync("+254722000111", "Otieno Odhiambo");

        var byName = await Store.ListAsync("MWANGI", 10, 0);
        var byPhone = await Store.ListAsync("0722000111", 10, 0);
        var byDigits = await Store.ListAsync("000111", 10, 0);

        Assert.Equal(["Wanjiku Mwangi"], byName.Page.Select(c => c.Name));
        Assert.Equal(["Otieno Odhiambo"], byPhone.Page.Select(c => c.Name));
        Assert.Equal(["Otieno Odhiambo"], byDigits.Page.Select(c => c.Name));
    }

    [Fact]
    public async Task List_Pages_ByNameWithTheTotal()
    {
        foreach (var (phone, name) in new[] { ("+254711000003", "Chebet"), ("+254711000001", "amina"), ("+254711000002", "Brian") })
        {
            await Store.RegisterAsync(phone, name);
        }

        var (page, total) = await Store.ListAsync(null, 2, 1);

        Assert.Equal(3, total);
        Assert.Equal(["Brian", "Chebet"], page.Select(c => c.Name));
    }

    private CustomerStore Store => App.Get<CustomerStore>();
}

public sealed class SqliteCustomerStoreTests() : CustomerStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresCustomerStoreTests() : CustomerStoreTests(DatabaseProvider.Postgres);
