using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Vending;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Testing;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Admin;

/// <summary>The admin requests over the bus: each answered by its result or by <see cref="AdminRequestRefused"/>, never by a fault.</summary>
public sealed class AdminConsumerTests : VendingTest
{
    private const string Owner = "+254712345678";
    private string meter = "";

    protected override async Task SeedAsync() => meter = (await App.SeedAsync(Owner)).Meters[0];

    [Fact]
    public async Task RegisterCustomer_New_AnswersWithTheCustomer()
    {
        var answer = await Ask<RegisterCustomer, CustomerRegistered>(new RegisterCustomer("0722 000 111", "Otieno", "sw", "2468"));

        Assert.Equal(new CustomerDetails("+254722000111", "Otieno", "sw", "active", true, 0m, "KES", []), answer.Customer with { Meters = [] });
        Assert.Empty(answer.Customer.Meters);
    }

    [Theory]
    [InlineData("0712345678", "sw", null, "registered already", RefusalKind.Conflict)]
    [InlineData("0722000111", "fr", null, "en or sw, not fr", RefusalKind.Invalid)]
    [InlineData("0722000111", "en", "12", "a PIN has 4 to 8 digits", RefusalKind.Invalid)]
    [InlineData("07220", "en", null, "not a valid phone number", RefusalKind.Invalid)]
    public async Task RegisterCustomer_BadRequest_IsRefused(string phone, string language, string? pin, string expected, RefusalKind kind) =>
        await AssertRefused(new RegisterCustomer(phone, "Otieno", language, pin), expected, kind);

    [Fact]
    public async Task GetCustomer_Known_AnswersWithMetersAndWallet()
    {
        await App.TopUpAsync(Owner, 300m);

        var answer = await Ask<GetCustomer, CustomerFound>(new GetCustomer("0712345678"));

        Assert.Equal(300m, answer.Customer.WalletBalance);
        Assert.Equal([new CustomerMeter(meter, "owner")], answer.Customer.Meters);
    }

    [Fact]
    public async Task GetCustomer_Unknown_IsRefused() => await AssertRefused(new GetCustomer("0722000111"), "no customer is registered with phone 0722000111", RefusalKind.NotFound);

    [Fact]
    public async Task ListCustomers_AnswersAPageAndTheTotal()
    {
        await Ask<RegisterCustomer, CustomerRegistered>(new RegisterCustomer("0722000111", "Otieno"));

        var answer = await Ask<ListCustomers, CustomersListed>(new ListCustomers(Limit: 1, Offset: 1));

        Assert.Equal(2, answer.Total);
        Assert.Equal(["Wanjiku"], answer.Customers.Select(c => c.Name));
    }

    [Fact]
    public async Task AddVendingMeter_New_AnswersWithTheActiveMeter()
    {
        var answer = await Ask<AddVendingMeter, VendingMeterAdded>(new AddVendingMeter("SHS-9", "electricity", TokenProfile.OpenPaygo, "DOMESTIC"));

        Assert.Equal(new MeterDetails("SHS-9", "electricity", TokenProfile.OpenPaygo, "DOMESTIC", "active", []), answer.Meter with { Holders = [] });
    }

    [Theory]
    [InlineData("SHS-9", "COMMERCIAL", "no tariff COMMERCIAL")]
    [InlineData("SHS 9", "DOMESTIC", "a device serial number has 1 to 32 letters, digits or dashes")]
    [InlineData("", "DOMESTIC", "a device serial number")]
    public async Task AddVendingMeter_BadRequest_IsRefused(string serial, string tariff, string expected) =>
        await AssertRefused(new AddVendingMeter(serial, "electricity", TokenProfile.OpenPaygo, tariff), expected, RefusalKind.Invalid);

    [Fact]
    public async Task AddVendingMeter_Duplicate_IsRefused() =>
        await AssertRefused(new AddVendingMeter(meter, "electricity", TokenProfile.Sts, "DOMESTIC"), "registered already", RefusalKind.Conflict);

    [Fact]
    public async Task BlockThenUnblock_ChangesTheStatus()
    {
        var blocked = await Ask<BlockMeter, MeterStatusChanged>(new BlockMeter(meter));
        var unblocked = await Ask<UnblockMeter, MeterStatusChanged>(new UnblockMeter(meter));

        Assert.Equal("blocked", blocked.Meter.Status);
        Assert.Equal([new MeterHolder(Owner, "owner")], blocked.Meter.Holders);
        Assert.Equal("active", unblocked.Meter.Status);
    }

    [Fact]
    public async Task BlockMeter_Unknown_IsRefused() => await AssertRefused(new BlockMeter("00000000000"), "no meter 00000000000 is registered", RefusalKind.NotFound);

    [Fact]
    public async Task UnblockMeter_Unknown_IsRefused() => await AssertRefused(new UnblockMeter("00000000001"), "check digit", RefusalKind.Invalid);

    [Fact]
    public async Task ListMeters_AnswersWithHolders()
    {
        var answer = await Ask<ListMeters, MetersListed>(new ListMeters());

        Assert.Equal(1, answer.Total);
        Assert.Equal([new MeterHolder(Owner, "owner")], answer.Meters[0].Holders);
    }

    [Fact]
    public async Task BindThenUnbind_AddsAndRemovesABuyer()
    {
        await Ask<RegisterCustomer, CustomerRegistered>(new RegisterCustomer("0722000111", "Otieno"));

        var bound = await Ask<BindMeter, MeterBound>(new BindMeter("0722000111", meter, "buyer"));
        var unbound = await Ask<UnbindMeter, MeterUnbound>(new UnbindMeter("0722000111", meter));

        Assert.Equal(new MeterBound("+254722000111", meter, "buyer"), bound);
        Assert.Equal(new MeterUnbound("+254722000111", meter), unbound);
    }

    [Theory]
    [InlineData("0733000999", "{0}", "buyer", "no customer is registered with phone 0733000999", RefusalKind.NotFound)]
    [InlineData("0722000111", "00000000000", "buyer", "no meter 00000000000 is registered", RefusalKind.NotFound)]
    [InlineData("0722000111", "{0}", "tenant", "a binding role is owner or buyer, not tenant", RefusalKind.Invalid)]
    [InlineData("0722000111", "{0}", "owner", "has an owner already", RefusalKind.Conflict)]
    public async Task BindMeter_BadRequest_IsRefused(string phone, string meterNumber, string role, string expected, RefusalKind kind)
    {
        await Ask<RegisterCustomer, CustomerRegistered>(new RegisterCustomer("0722000111", "Otieno"));

        await AssertRefused(new BindMeter(phone, string.Format(meterNumber, meter), role), expected, kind);
    }

    [Theory]
    [InlineData("0733000999", "no customer is registered with phone 0733000999", RefusalKind.NotFound)]
    [InlineData("0722000111", "is not bound to meter", RefusalKind.Invalid)]
    public async Task UnbindMeter_BadRequest_IsRefused(string phone, string expected, RefusalKind kind)
    {
        await Ask<RegisterCustomer, CustomerRegistered>(new RegisterCustomer("0722000111", "Otieno"));

        await AssertRefused(new UnbindMeter(phone, meter), expected, kind);
    }

    [Fact]
    public async Task SaveTariffThenList_AnswersWithTheTerms()
    {
        var terms = new TariffTerms("LIFELINE", "KES", [new PriceBlock(null, 10m)], 0.16m, 0m, 0m, 20m, 5_000m);

        var saved = await Ask<SaveTariff, TariffSaved>(new SaveTariff(terms));
        var listed = await Ask<ListTariffs, TariffsListed>(new ListTariffs());

        Assert.Equal("LIFELINE", saved.Tariff.Id);
        Assert.Equal(["DOMESTIC", "LIFELINE"], listed.Tariffs.Select(t => t.Id));
        Assert.Equal(10m, listed.Tariffs[1].Blocks.Single().PricePerUnit);
    }

    [Fact]
    public async Task SaveTariff_BadTerms_IsRefused() =>
        await AssertRefused(new SaveTariff(new TariffTerms("LIFELINE", "KES", [new PriceBlock(null, 10m)], 1.6m, 0m, 0m, 20m, 5_000m)), "VAT is a rate between 0 and 1",
            RefusalKind.Invalid);

    [Fact]
    public async Task ImportCustomers_GoodFile_AnswersWithTheCounts()
    {
        var answer = await Ask<ImportCustomers, CustomersImported>(new ImportCustomers($"phone,name,meter,role\n0722000111,Otieno,{meter},buyer\n"));

        Assert.Equal(new CustomersImported(1, 1), answer);
    }

    [Fact]
    public async Task ImportCustomers_BadLine_IsRefusedWithTheLine()
    {
        var response = await App.Harness.GetRequestClient<ImportCustomers>().GetResponse<CustomersImported, AdminRequestRefused>(
            new ImportCustomers("phone,name\n0722000111,Otieno\n0712345678,Wanjiku Again\n"));

        Assert.True(response.Is(out Response<AdminRequestRefused>? refused));
        Assert.Equal(3, refused!.Message.Line);
        Assert.StartsWith("line 3: ", refused.Message.Reason);
        Assert.Equal(RefusalKind.Conflict, refused.Message.Kind); // the phone is registered already
        Assert.True(await App.Harness.NonePublishedAsync<Fault<ImportCustomers>>());
    }

    [Theory]
    [InlineData("phone,name,meter\n0722000111,Otieno,00000000000\n", RefusalKind.NotFound)] // the meter the line binds does not exist
    [InlineData("phone,name,meter\n0722000111,Otieno,{0}\n0722000111,Otieno,\n", RefusalKind.Invalid)] // the file repeats itself
    public async Task ImportCustomers_BadLine_IsRefusedAsWhatIsWrongWithIt(string csv, RefusalKind kind)
    {
        var response = await App.Harness.GetRequestClient<ImportCustomers>().GetResponse<CustomersImported, AdminRequestRefused>(
            new ImportCustomers(string.Format(csv, meter)));

        Assert.True(response.Is(out Response<AdminRequestRefused>? refused));
        Assert.Equal(kind, refused!.Message.Kind);
        Assert.NotNull(refused.Message.Line);
    }

    private async Task<TAnswer> Ask<TRequest, TAnswer>(TRequest request) where TRequest : class where TAnswer : class
    {
        var response = await App.Harness.GetRequestClient<TRequest>().GetResponse<TAnswer, AdminRequestRefused>(request);
        Assert.True(response.Is(out Response<TAnswer>? answer), (response.Message as AdminRequestRefused)?.Reason);
        return answer!.Message;
    }

    private async Task AssertRefused<TRequest>(TRequest request, string expected, RefusalKind kind) where TRequest : class
    {
        var response = await App.Harness.GetRequestClient<TRequest>().GetResponse<AdminRequestRefused>(request);

        Assert.Contains(expected, response.Message.Reason);
        Assert.Equal(kind, response.Message.Kind);
        Assert.Null(response.Message.Line);
        Assert.True(await App.Harness.NonePublishedAsync<Fault<TRequest>>());
    }
}
