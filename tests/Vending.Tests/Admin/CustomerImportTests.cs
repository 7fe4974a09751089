using SmsVending.Contracts.Vending.Admin;
using SmsVending.Infrastructure.Csv;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Admin;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Admin;

/// <summary>Customer imports store every row or none, once per database provider.</summary>
public abstract class CustomerImportTests(DatabaseProvider provider) : VendingTest(provider)
{
    private string[] meters = [];

    protected override async Task SeedAsync() => meters = (await App.SeedAsync("+254700000001", meterCount: 2)).Meters;

    [Fact]
    public async Task Import_GoodFile_RegistersAndBindsEveryRow()
    {
        var csv = $"phone,name,language,pin,meter,role\n0712345678,Wanjiku,sw,2468,{meters[0]},buyer\n0712345678,,,,{meters[1]},buyer\n0722000111,Otieno,,,,\n";

        var imported = await Import(csv);

        Assert.Equal(new CustomersImported(2, 2), imported);
        var wanjiku = await Customers.FindByPhoneAsync("+254712345678");
        Assert.Equal("sw", wanjiku!.Language);
        Assert.NotNull(wanjiku.PinHash);
        Assert.Equal([(meters[0], "buyer"), (meters[1], "buyer")], await Registry.MetersOfAsync(wanjiku.Id));
        Assert.Equal("en", (await Customers.FindByPhoneAsync("0722000111"))!.Language);
    }

    public static TheoryData<string, int, string> BadFiles => new()
    {
        { "phone,name\n0711111111,Amina\n0700000001,Registered Already\n", 3, "is registered already" },
        { "phone,name,meter\n0711111111,Amina,\n0722222222,Brian,00000000000\n", 3, "no meter 00000000000" },
        { "phone,name,meter\n0711111111,Amina,{0}\n", 2, "has an owner already" },
        { "phone,name,pin\n0711111111,Amina,12\n", 2, "a PIN has 4 to 8 digits" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_BadRow_NamesItsLineAndStoresNothing(string csv, int line, string expected)
    {
        var error = await Assert.ThrowsAsync<CsvLineException>(() => Import(string.Format(csv, meters[0])));

        Assert.Equal(line, error.Line);
        Assert.Contains(expected, error.Message);
        Assert.Null(await Customers.FindByPhoneAsync("0711111111"));
    }

    private Task<CustomersImported> Import(string csv) => App.Get<CustomerImport>().ImportAsync(new ImportCustomers(csv), default);

    private CustomerStore Customers => App.Get<CustomerStore>();

    private MeterRegistry Registry => App.Get<MeterRegistry>();
}

public sealed class SqliteCustomerImportTests() : CustomerImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresCustomerImportTests() : CustomerImportTests(DatabaseProvider.Postgres);
