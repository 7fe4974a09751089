using System.Net;
using System.Net.Http.Json;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Gateway.Admin;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Tests.Support;
using static SmsVending.Gateway.Tests.Admin.AdminEndpointsTests;

namespace SmsVending.Gateway.Tests.Admin;

/// <summary>The admin API's meters: key record and Vending meter in one call, the CSV import, block and unblock, and the factory's key export.</summary>
public sealed class AdminMeterEndpointsTests : GatewayTest
{
    private const int SupplyGroup = 600001;
    private static readonly string NewMeter = MeterNumber.Create("0200000001").Digits;

    [Fact]
    public async Task AddMeter_ThenBind_ShowsInTheCustomer_AndARepeatedCallSucceeds()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var admin = gateway.Staff(StaffRoles.Admin);
        await admin.PostAsJsonAsync("/admin/customers", new { phone = "+254722000101", name = "Dede" });

        var added = await admin.PostAsJsonAsync("/admin/meters", Meter(NewMeter, "DOMESTIC"));
        var repeated = await admin.PostAsJsonAsync("/admin/meters", Meter(NewMeter, "DOMESTIC"));
        await admin.PostAsJsonAsync("/admin/bindings", new { phone = "+254722000101", meterNumber = NewMeter });
        var customer = await ReadAsync<CustomerDetails>(await admin.GetAsync(Relative("/admin/customers/%2B254722000101")));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var meter = await ReadAsync<MeterDetails>(added);
        Assert.Equal((NewMeter, "electricity", TokenProfile.Sts, "DOMESTIC", "active"), (meter.MeterNumber, meter.Utility, meter.Profile, meter.TariffId, meter.Status));
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(NewMeter, Assert.Single(customer.Meters).MeterNumber);
    }

    [Fact]
    public async Task AddMeter_VendingRefuses_AnswersItsReason_AndTheCorrectedCallSucceeds()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var admin = gateway.Staff(StaffRoles.Admin);

        var noTariff = await admin.PostAsJsonAsync("/admin/meters", Meter(NewMeter, "NOPE"));
        var corrected = await admin.PostAsJsonAsync("/admin/meters", Meter(NewMeter, "DOMESTIC"));
        var badKey = await admin.PostAsJsonAsync("/admin/meters", Meter(MeterNumber.Create("0200000002").Digits, "DOMESTIC") with { TariffIndex = 100 });
        var badNumber = await admin.PostAsJsonAsync("/admin/meters", Meter("02000000010", "DOMESTIC"));

        await AssertProblemAsync(noTariff, HttpStatusCode.BadRequest, "no tariff NOPE");
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Empty((await ReadAsync<MetersListed>(await admin.GetAsync(Relative("/admin/meters?query=0200000002")))).Meters);
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
    }

    [Fact]
    public async Task BlockAndUnblock_ChangeTheStatus_AndABlockedMetersPurchaseIsRefused()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var admin = gateway.Staff(StaffRoles.Admin);
        var (phone, meter) = (DemoData.Customers[0].Phone, MeterNumber.Create(DemoData.Customers[0].Serial).Digits);
        await gateway.FundAsync(phone, 500m);

        var blocked = await ReadAsync<MeterDetails>(await admin.PostAsync(Relative($"/admin/meters/{meter}/block"), null));
        var sid = gateway.NewMessageSid();
        await gateway.PostSmsAsync(phone, $"BUY {meter} 200", sid);
        var reply = await gateway.ReplyToAsync(phone, sid);
        var unblocked = await ReadAsync<MeterDetails>(await admin.PostAsync(Relative($"/admin/meters/{meter}/unblock"), null));
        var listed = await ReadAsync<MetersListed>(await admin.GetAsync(Relative($"/admin/meters?query={meter}")));
        var unknown = await admin.PostAsync(Relative($"/admin/meters/{NewMeter}/block"), null);

        Assert.Equal("blocked", blocked.Status);
        Assert.Contains("blocked", reply.Body, StringComparison.Ordinal);
        Assert.Equal("active", unblocked.Status);
        Assert.Equal("active", Assert.Single(listed.Meters).Status);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "no meter");
    }

    [Fact]
    public async Task ImportMeters_StoresTheKeysAndAddsEachMeter_ABadLineStoresNothing_VendingRefusalsAreListed()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var admin = gateway.Staff(StaffRoles.Admin);
        var (a, b, c, d) = (Number(11), Number(12), Number(13), Number(14));

        var good = await admin.PostAsync(Relative("/admin/meters/import?utility=electricity&tariff=DOMESTIC"),
            Csv($"Meter Number,SGC,TI\n{a},{SupplyGroup},1\n{b},{SupplyGroup},1\n"));
        var bad = await admin.PostAsync(Relative("/admin/meters/import?utility=electricity&tariff=DOMESTIC"),
            Csv($"meter,sgc,ti\n{c},{SupplyGroup},1\n{d},{SupplyGroup},x\n"));
        var listed = await ReadAsync<MetersListed>(await admin.GetAsync(Relative($"/admin/meters?query={c}")));
        var refused = await ReadAsync<MetersImportReport>(await admin.PostAsync(Relative("/admin/meters/import?utility=electricity&tariff=NOPE"),
            Csv($"meter,sgc,ti\n{c},{SupplyGroup},1\n")));
        var noTariff = await admin.PostAsync(Relative("/admin/meters/import?utility=electricity"), Csv($"meter\n{d}\n"));

        var report = await ReadAsync<MetersImportReport>(good);
        Assert.Equal((2, 2), (report.KeyRecords, report.Added));
        Assert.Empty(report.Refused);
        Assert.Equal(3, (await AssertProblemAsync(bad, HttpStatusCode.BadRequest, "line 3")).GetProperty("line").GetInt32());
        Assert.Empty(listed.Meters);
        Assert.Equal((1, 0), (refused.KeyRecords, refused.Added));
        Assert.Equal((2, c), (Assert.Single(refused.Refused).Line, refused.Refused[0].MeterNumber));
        Assert.Contains("no tariff NOPE", refused.Refused[0].Reason, StringComparison.Ordinal);
        await AssertProblemAsync(noTariff, HttpStatusCode.BadRequest, "tariff=");
    }

    [Fact]
    public async Task DecoderKey_ForTheFactory_IsExported_ForAnAdminIs403_AndAudited()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var meter = MeterNumber.Create(DemoData.Customers[0].Serial).Digits;
        var factory = gateway.Staff(StaffRoles.Manufacturing);

        var key = await ReadAsync<MeterKeyExported>(await factory.GetAsync(Relative($"/admin/meters/{meter}/decoder-key")));
        var unknown = await factory.GetAsync(Relative($"/admin/meters/{NewMeter}/decoder-key"));
        var admin = await gateway.Staff(StaffRoles.Admin).GetAsync(Relative($"/admin/meters/{meter}/decoder-key"));
        var audit = await gateway.Staff(StaffRoles.Supervisor).GetFromJsonAsync<List<AuditEntry>>("/staff/audit?who=manufacturing");

        Assert.Equal((meter, TokenProfile.Sts, SupplyGroup, 16), (key.MeterNumber, key.Profile, key.SupplyGroupCode, key.KeyHex.Length));
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "no meter");
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal([404, 200], audit!.Select(e => e.Status));
    }

    private static string Number(int serial) => MeterNumber.Create($"02000000{serial:00}").Digits;

    private static MeterBody Meter(string number, string tariff) => new(number, "electricity", "sts", tariff, SupplyGroup, 1);

    /// <summary>POST /admin/meters's body, the key record's defaults left out.</summary>
    private sealed record MeterBody(string MeterNumber, string Utility, string Profile, string TariffId, int SupplyGroupCode, int TariffIndex);
}
