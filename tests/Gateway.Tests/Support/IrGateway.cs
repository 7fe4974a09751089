using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.MeterEmulator.Ir;
using SmsVending.MeterEmulator.Meters;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.Support;

/// <summary>One embedded Gateway on a real loopback port for the IR tests, and a meter factory: each test gets its own meter, owner and
/// wallet through the admin and manufacturing APIs, as the emulator's factory makes them.</summary>
public sealed class IrGateway : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "smsvending-gateway", Guid.NewGuid().ToString("N"));

    public EmbeddedGateway Embedded { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The credentials file the embedded Gateway wrote (what `ir buy --credentials` reads).</summary>
    public string CredentialsFile => Path.Combine(data, "credentials.json");

    public async Task InitializeAsync()
    {
        var port = LoopbackPort.Free();
        Url = new Uri($"http://127.0.0.1:{port}");
        Embedded = new EmbeddedGateway(data);
        Embedded.UseKestrel(port);
        Embedded.StartServer();
        Http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
        await Embedded.DemoCustomerAsync(); // the demo tariff and vending key are seeded
    }

    /// <summary>A new meter sold on the demo tariff with a new owner, built from the manufacturing export, enrolled for IR (unless told
    /// not to) and with the owner's wallet funded.</summary>
    public async Task<(StsMeterState Meter, string Phone)> NewMeterAsync(decimal funds = 1000m, bool enrol = true)
    {
        var meter = MeterNumber.Create("04" + Digits(8)).Digits;
        var phone = "+2547" + Digits(8);
        await AdminAsync(HttpMethod.Post, "/admin/meters", new
        {
            meterNumber = meter, utility = "electricity", profile = "sts", tariffId = "DOMESTIC", supplyGroupCode = 600001, tariffIndex = 1,
        });
        await AdminAsync(HttpMethod.Post, "/admin/customers", new RegisterCustomer(phone, "IR tester"));
        await AdminAsync(HttpMethod.Post, "/admin/bindings", new BindMeter(phone, meter));
        var export = await Embedded.Staff("manufacturing").GetFromJsonAsync<MeterKeyExported>($"/admin/meters/{meter}/decoder-key", AdminJsonOptions);
        var state = MeterFactory.Build(export!);
        if (enrol)
        {
            state = await IrEnrolment.EnrolAsync(Http, Embedded.Credentials.ManufacturingApiKey, state);
        }

        if (funds > 0)
        {
            await Embedded.FundAsync(phone, funds);
        }

        return (state, phone);
    }

    /// <summary>The customer's purchases (newest first) and wallet, as Vending has them.</summary>
    public async Task<(IReadOnlyList<TimelineEntry> Purchases, decimal Wallet)> AccountAsync(string phone)
    {
        var timeline = await Embedded.TimelineAsync(phone);
        return ([.. timeline.Entries.Where(e => e.Kind == "purchase")], timeline.WalletBalance);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Embedded.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static readonly System.Text.Json.JsonSerializerOptions AdminJsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private async Task AdminAsync(HttpMethod method, string path, object body)
    {
        using var response = await Embedded.Staff("admin").SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string Digits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetInt32(10).ToString(CultureInfo.InvariantCulture)));
}
