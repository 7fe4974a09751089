using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Gateway.Admin;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Admin;

/// <summary>The admin API's customers, bindings and tariffs, its keys and roles, and the audit of every call.</summary>
public sealed class AdminEndpointsTests : GatewayTest
{
    private const string NewPhone = "+254722000101";

    [Fact]
    public async Task RegisterCustomer_ThenGetAndList_FindIt()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var admin = gateway.Staff(StaffRoles.Admin);

        var registered = await admin.PostAsJsonAsync("/admin/customers", new { phone = "0722000101", name = "Dede Wanjiru", language = "sw" });
        var found = await ReadAsync<CustomerDetails>(await admin.GetAsync(Relative($"/admin/customers/{Uri.EscapeDataString(NewPhone)}")));
        var listed = await ReadAsync<CustomersListed>(await admin.GetAsync(Relative("/admin/customers?query=Wanjiru&limit=5")));

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(NewPhone, (await ReadAsync<CustomerDetails>(registered)).Phone);
        Assert.Equal(("Dede Wanjiru", "sw", "active"), (found.Name, found.Language, found.Status));
        Assert.Equal(NewPhone, Assert.Single(listed.Customers).Phone);
        Assert.Equal(1, listed.Total);
    }

    [Fact]
    public async Task RegisterCustomer_Twice_Is409WithTheReason_AndAnUnknownPhoneIs404()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var admin = gateway.Staff(StaffRoles.Admin);
        await admin.PostAsJsonAsync("/admin/customers", new { phone = NewPhone, name = "Dede" });

        var again = await admin.PostAsJsonAsync("/admin/customers", new { phone = NewPhone, name = "Dede" });
        var unknown = await admin.GetAsync(Relative("/admin/customers/%2B254722999999"));

        await AssertProblemAsync(again, HttpStatusCode.Conflict, "registered already");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "no customer");
    }

    [Fact]
    public async Task JsonBodies_Malformed_MissingAFieldOrNotJson_AreSaidPlainly()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var admin = gateway.Staff(StaffRoles.Admin);

        var malformed = await admin.PostAsync(Relative("/admin/customers"), new StringContent("{\"phone\": ", Encoding.UTF8, "application/json"));
        var missing = await admin.PostAsJsonAsync("/admin/customers", new { phone = NewPhone });
        var text = await admin.PostAsync(Relative("/admin/customers"), new StringContent("phone=1", Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "not valid JSON");
        await AssertProblemAsync(missing, HttpStatusCode.BadRequest, "'name'");
        await AssertProblemAsync(text, HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Fact]
    public async Task Bind_ADemoMeterToANewCustomer_ShowsInTheCustomer_AndUnbindRemovesIt()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var admin = gateway.Staff(StaffRoles.Admin);
        var meter = MeterNumber.Create(DemoData.Customers[0].Serial).Digits;
        await admin.PostAsJsonAsync("/admin/customers", new { phone = NewPhone, name = "Dede" });

        var bound = await admin.PostAsJsonAsync("/admin/bindings", new { phone = NewPhone, meterNumber = meter, role = "buyer" });
        var customer = await ReadAsync<CustomerDetails>(await admin.GetAsync(Relative($"/admin/customers/{Uri.EscapeDataString(NewPhone)}")));
        var unbound = await admin.DeleteAsync(Relative($"/admin/bindings?phone={Uri.EscapeDataString(NewPhone)}&meter={meter}"));
        var again = await admin.DeleteAsync(Relative($"/admin/bindings?phone={Uri.EscapeDataString(NewPhone)}&meter={meter}"));

        Assert.Equal(HttpStatusCode.OK, bound.StatusCode);
        Assert.Equal(new CustomerMeter(meter, "buyer"), Assert.Single(customer.Meters));
        Assert.Equal(HttpStatusCode.OK, unbound.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.BadRequest, "not bound");
    }

    [Fact]
    public async Task ImportCustomers_GoodFile_StoresEveryRow_BadFile_NamesTheLineAndStoresNothing()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var admin = gateway.Staff(StaffRoles.Admin);
        var meter = MeterNumber.Create(DemoData.Customers[0].Serial).Digits;

        var good = await admin.PostAsync(Relative("/admin/customers/import"),
            Csv($"phone,name,language,meter,role\n+254722000201,Eva,en,{meter},buyer\n+254722000202,Femi,sw,,\n"));
        var bad = await admin.PostAsync(Relative("/admin/customers/import"), Csv("phone,name,language\n+254722000301,Gita,en\n+254722000302,Hugo,fr\n"));
        var json = await admin.PostAsJsonAsync("/admin/customers/import", new { csv = "phone,name" });
        var huge = await admin.PostAsync(Relative("/admin/customers/import"), Csv(new string('x', CsvBody.MaxBytes + 1)));

        Assert.Equal(new CustomersImported(2, 1), await ReadAsync<CustomersImported>(good));
        var problem = await AssertProblemAsync(bad, HttpStatusCode.BadRequest, "line 3");
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        await AssertProblemAsync(await admin.GetAsync(Relative("/admin/customers/%2B254722000301")), HttpStatusCode.NotFound, "no customer");
        await AssertProblemAsync(json, HttpStatusCode.UnsupportedMediaType, "text/csv");
        await AssertProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge, "5 MB");
    }

    [Fact]
    public async Task Tariffs_ListSaveAndRefuseABadOne()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var admin = gateway.Staff(StaffRoles.Admin);
        var water = new
        {
            currency = "KES", blocks = new[] { new { upToUnits = (decimal?)null, pricePerUnit = 150m } }, vatRate = 0m, fixedMonthlyCharge = 0m,
            debtRecoveryRate = 0m, minimumPurchase = 20m, maximumPurchase = 5000m, unit = "m3",
        };

        var saved = await admin.PutAsJsonAsync("/admin/tariffs/WATER", water);
        var listed = await ReadAsync<List<TariffTerms>>(await admin.GetAsync(Relative("/admin/tariffs")));
        var mismatch = await admin.PutAsJsonAsync("/admin/tariffs/WATER", new { id = "OTHER", water.currency });
        var bad = await admin.PutAsJsonAsync("/admin/tariffs/CHEAP", water with { minimumPurchase = 0m });

        Assert.Equal("WATER", (await ReadAsync<TariffTerms>(saved)).Id);
        Assert.Equal(["DOMESTIC", "WATER"], listed.Select(t => t.Id));
        Assert.Equal("m3", listed[1].Unit);
        await AssertProblemAsync(mismatch, HttpStatusCode.BadRequest, "OTHER");
        await AssertProblemAsync(bad, HttpStatusCode.BadRequest, "CHEAP");
    }

    [Fact]
    public async Task AdminRoutes_ForAnAgent_Are403_WithoutAKey_401_AndEveryCallIsAudited()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var admin = gateway.Staff(StaffRoles.Admin);

        var agent = await gateway.Staff(StaffRoles.Agent).GetAsync(Relative("/admin/customers"));
        var none = await gateway.CreateClient().GetAsync(Relative("/admin/tariffs"));
        await admin.GetAsync(Relative("/admin/tariffs"));
        await admin.PostAsJsonAsync("/admin/customers", new { phone = NewPhone });
        var audit = await gateway.Staff(StaffRoles.Supervisor).GetFromJsonAsync<List<AuditEntry>>("/staff/audit?who=admin");

        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal([("POST /admin/customers", 400), ("GET /admin/tariffs", 200)], audit!.Select(e => (e.Action, e.Status)));
    }

    internal static Uri Relative(string path) => new(path, UriKind.Relative);

    internal static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    internal static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(AdminJson.Options))!;
    }

    /// <summary>Asserts an application/problem+json answer with the status whose detail says <paramref name="says"/>; returns it.</summary>
    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return problem;
    }
}
