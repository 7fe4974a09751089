using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Payments;
using SmsVending.Gateway.Tests.Embedded;
using SmsVending.Gateway.Tests.Support;
using SmsVending.Gateway.Webhooks;
using SmsVending.Vending.Storage;

namespace SmsVending.Gateway.Tests.Payments;

public sealed class MpesaEndpointsTests
{
    private static readonly string Amina = DemoData.Customers[0].Phone;

    [Theory]
    [InlineData(500, "0")]
    [InlineData(10, "C2B00013")]
    [InlineData(40_000, "C2B00013")]
    public async Task Validation_DemoMeter_AnswersByAmount(decimal amount, string code)
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var meter = (await gateway.TimelineAsync(Amina)).Meters[0].MeterNumber;

        var answer = await ValidateAsync(gateway, Daraja.C2b("RKTQDM7W6S", meter, amount));

        Assert.Equal(code, answer.GetProperty("ResultCode").GetString());
    }

    [Fact]
    public async Task Validation_UnknownAccount_IsInvalidAccountNumber()
    {
        await using var gateway = await GatewayFixture.StartAsync();

        var answer = await ValidateAsync(gateway, Daraja.C2b("RKTQDM7W6S", "99999999999", 500));

        Assert.Equal("C2B00012", answer.GetProperty("ResultCode").GetString());
    }

    [Fact]
    public async Task Validation_VendingsCheckFails_AcceptsAndLeavesTheAccountToTheConfirmation()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var meter = (await gateway.TimelineAsync(Amina)).Meters[0].MeterNumber;
        // The meter's tariff stored unreadable: Vending's check throws, and its fault comes back to the Gateway instead of an answer.
        await gateway.Services.GetRequiredService<VendingDatabase>().WriteAsync(connection => connection.ExecuteAsync(
            "UPDATE vd_tariffs SET definition = '{' WHERE id = (SELECT tariff_id FROM vd_meters WHERE meter_number = @meter)", new { meter }));

        var answer = await ValidateAsync(gateway, Daraja.C2b("RKTQDM7W6T", meter, 500));

        Assert.Equal("0", answer.GetProperty("ResultCode").GetString());
    }

    [Fact]
    public async Task Confirmation_SentTwice_CreditsTheWalletOnce()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var secret = Secret(gateway);
        var payment = Daraja.C2b("RKTQDM7W6T", "0711000001", 300);

        using var first = await Daraja.PostAsync(gateway.Client, "c2b/confirmation", payment, secret);
        using var again = await Daraja.PostAsync(gateway.Client, "c2b/confirmation", payment, secret);

        Assert.Equal("""{"ResultCode":0,"ResultDesc":"Success"}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("""{"ResultCode":0,"ResultDesc":"Success"}""", await again.Content.ReadAsStringAsync());
        // The second confirmation was refused as a duplicate when it was stored, so once the one credit lands nothing else can.
        var timeline = await EmbeddedGateway.EventuallyAsync(async () => await gateway.TimelineAsync(Amina) is { WalletBalance: > 0 } t ? t : null, "the wallet credited");
        Assert.Equal(300m, timeline.WalletBalance);
        Assert.Single(timeline.Entries, e => e.Reference == "RKTQDM7W6T");
    }

    [Fact]
    public async Task Confirmation_ForAMeter_BuysItsToken()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var meter = (await gateway.TimelineAsync(Amina)).Meters[0].MeterNumber;

        using var response = await Daraja.PostAsync(gateway.Client, "c2b/confirmation", Daraja.C2b("RKTQDM7W6U", meter, 500), Secret(gateway));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync("payment:RKTQDM7W6U")).Any(s => s.Tokens is not null), "the token SMS");
    }

    [Theory]
    [InlineData("c2b/validation")]
    [InlineData("c2b/confirmation")]
    [InlineData("stk/callback")]
    public async Task Callback_WithoutOrWithAWrongSecret_Is403(string route)
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var payment = Daraja.C2b("RKTQDM7W6V", "0711000001", 300);

        using var missing = await Daraja.PostAsync(gateway.Client, route, payment, null);
        using var wrong = await Daraja.PostAsync(gateway.Client, route, payment, Secret(gateway) + "x");

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Empty(await gateway.QueryAsync<long>("SELECT id FROM gw_inbound"));
    }

    [Fact]
    public async Task Callback_SecretInTheHeader_IsAccepted()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/payments/mpesa/c2b/confirmation", UriKind.Relative))
        {
            Content = new StringContent(Daraja.C2b("RKTQDM7W6W", "0711000001", 300), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(CallbackSecretFilter<MpesaOptions>.Header, Secret(gateway));

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("c2b/confirmation", "{\"TransID\":", "not JSON")]
    [InlineData("c2b/confirmation", "[1,2]", "JSON object")]
    [InlineData("c2b/confirmation", "{\"TransID\":\"RKTQDM7W6X\",\"BillRefNumber\":\"0711000001\"}", "TransAmount")]
    [InlineData("c2b/confirmation", "{\"TransID\":\"RK TQ\",\"TransAmount\":\"10\",\"BillRefNumber\":\"0711000001\"}", "TransID")]
    [InlineData("c2b/validation", "{\"TransID\":\"RKTQDM7W6X\",\"TransAmount\":\"10\"}", "BillRefNumber")]
    [InlineData("stk/callback", "{\"Body\":{}}", "stkCallback")]
    [InlineData("stk/callback", "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":0}}}", "MpesaReceiptNumber")]
    [InlineData("stk/callback", "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\"}}}", "ResultCode")]
    public async Task Callback_Malformed_Is400WithTheReason(string route, string json, string reason)
    {
        await using var gateway = await GatewayFixture.StartAsync();

        using var response = await Daraja.PostAsync(gateway.Client, route, json, Secret(gateway));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_Oversized_Is413()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var json = $$"""{"TransID":"RKTQDM7W6Y","Padding":"{{new string('x', WebhookJson.MaxBytes)}}"}""";

        using var response = await Daraja.PostAsync(gateway.Client, "c2b/confirmation", json, Secret(gateway));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Callback_NotJson_Is415()
    {
        await using var gateway = await GatewayFixture.StartAsync();

        using var response = await gateway.Client.PostAsync(new Uri($"/payments/mpesa/c2b/confirmation?secret={Uri.EscapeDataString(Secret(gateway))}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["TransID"] = "RKTQDM7W6Z" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static string Secret(GatewayFixture gateway) => ((MpesaOptions)gateway.Services.GetService(typeof(MpesaOptions))!).CallbackSecret!;

    private static async Task<JsonElement> ValidateAsync(GatewayFixture gateway, string payment)
    {
        using var response = await Daraja.PostAsync(gateway.Client, "c2b/validation", payment, Secret(gateway));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
