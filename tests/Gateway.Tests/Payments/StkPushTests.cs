using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Payments;
using SmsVending.Gateway.Tests.Embedded;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Payments;

/// <summary>Phone-charged purchases end to end: Vending asks for the charge, the Gateway pushes it to a loopback Daraja over real
/// HTTP, and the callback we post as Daraja settles the purchase.</summary>
public sealed class StkPushTests : IAsyncLifetime
{
    private static readonly string Amina = DemoData.Customers[0].Phone;

    private LoopbackDaraja daraja = null!;
    private GatewayFixture gateway = null!;

    public async Task InitializeAsync()
    {
        daraja = await LoopbackDaraja.StartAsync();
        gateway = await GatewayFixture.StartAsync(daraja.Settings);
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await daraja.DisposeAsync();
    }

    [Fact]
    public async Task Charge_PushesToDarajaWithItsFields()
    {
        await ChargeAsync(250.50m);

        var push = Assert.Single(daraja.Pushes);
        var timestamp = push.GetProperty("Timestamp").GetString()!;
        Assert.True(DateTime.TryParseExact(timestamp, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), timestamp);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(LoopbackDaraja.ShortCode + LoopbackDaraja.PassKey + timestamp)), push.GetProperty("Password").GetString());
        Assert.Equal("CustomerPayBillOnline", push.GetProperty("TransactionType").GetString());
        Assert.Equal(251, push.GetProperty("Amount").GetInt64());
        Assert.Equal("254711000001", push.GetProperty("PartyA").GetString());
        Assert.Equal("254711000001", push.GetProperty("PhoneNumber").GetString());
        Assert.Equal(LoopbackDaraja.ShortCode, push.GetProperty("PartyB").GetString());
        Assert.Equal($"https://vend.example.com/payments/mpesa/stk/callback?secret={Uri.EscapeDataString(Secret())}", push.GetProperty("CallBackURL").GetString());
        Assert.Equal((await gateway.TimelineAsync(Amina)).Meters[0].MeterNumber, push.GetProperty("AccountReference").GetString());
    }

    [Fact]
    public async Task Callback_Success_IssuesTheTokenBySms()
    {
        var (key, checkout) = await ChargeAsync(300m);

        await CallbackAsync(Daraja.Stk(checkout, 0, 300m, "NLJ7RT61SV"));

        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(key)).Any(s => s.Tokens is not null), "the token SMS");
    }

    [Theory]
    [InlineData(1032, "Payment cancelled")]
    [InlineData(1, "Payment failed")]
    [InlineData(2001, "Payment failed")]
    public async Task Callback_NotPaid_SaysWhyBySms(int code, string sms)
    {
        var (key, checkout) = await ChargeAsync(300m);

        await CallbackAsync(Daraja.Stk(checkout, code));

        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(key)).Any(s => s.Body.Contains(sms, StringComparison.Ordinal)), sms);
        Assert.Equal(0m, (await gateway.TimelineAsync(Amina)).WalletBalance);
    }

    [Fact]
    public async Task Callback_Repeated_SettlesOnce()
    {
        var (key, checkout) = await ChargeAsync(300m);
        var callback = Daraja.Stk(checkout, 0, 300m, "NLJ7RT61SW");

        await CallbackAsync(callback);
        await CallbackAsync(callback);

        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(key)).Any(s => s.Tokens is not null), "the token SMS");
        Assert.Single(await gateway.QueryAsync<long>("SELECT id FROM gw_inbound WHERE external_id = @checkout", new { checkout }));
        Assert.Single((await gateway.TimelineAsync(Amina)).Entries, e => e.Reference == "NLJ7RT61SW");
    }

    [Fact]
    public async Task Callback_AfterTheChargeTimedOut_CreditsTheWallet()
    {
        var (key, checkout) = await ChargeAsync(300m);
        gateway.Clock.Advance(TimeSpan.FromMinutes(4));
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(key)).Any(s => s.Body.Contains("did not arrive in time", StringComparison.Ordinal)), "the timeout SMS");

        await CallbackAsync(Daraja.Stk(checkout, 0, 300m, "NLJ7RT61SX"));

        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.TimelineAsync(Amina)).WalletBalance == 300m, "the late payment in the wallet");
        Assert.DoesNotContain(await gateway.SmsAnsweringAsync(key), s => s.Tokens is not null);
    }

    [Fact]
    public async Task Push_RefusedByDaraja_FailsThePurchaseAtOnce()
    {
        daraja.RefusePushes = true;

        var key = await RequestChargeAsync(300m);

        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(key)).Any(s => s.Body.Contains("Payment failed", StringComparison.Ordinal)), "the failure SMS");
    }

    [Fact]
    public async Task Callback_ForACheckoutWeNeverPushed_IsClosedOnceClearlyNotOurs()
    {
        await CallbackAsync(Daraja.Stk("ws_CO_forged", 0, 300m, "NLJ7RT61SY"));
        gateway.Clock.Advance(StkCallbacks.UnknownAfter + TimeSpan.FromMinutes(4)); // past the re-drive interval too

        await EmbeddedGateway.EventuallyAsync(async () =>
            (await gateway.QueryAsync<string?>("SELECT outcome FROM gw_inbound WHERE external_id = 'ws_CO_forged'")).Single() == "unknown-checkout", "closed");
        Assert.Equal(0m, (await gateway.TimelineAsync(Amina)).WalletBalance);
    }

    private string Secret() => ((MpesaOptions)gateway.Services.GetService(typeof(MpesaOptions))!).CallbackSecret!;

    private async Task CallbackAsync(string json)
    {
        using var response = await Daraja.PostAsync(gateway.Client, "stk/callback", json, Secret());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("ResultCode").GetInt32());
    }

    private async Task<string> RequestChargeAsync(decimal amount)
    {
        var key = "stk-" + Guid.NewGuid().ToString("N");
        await gateway.PublishAsync(new PurchaseRequested { IdempotencyKey = key, Phone = Amina, Amount = amount, Channel = "ussd", ChargePhone = true });
        return key;
    }

    /// <summary>A phone-charged purchase, pushed and recorded; returns its key and the push's checkout id.</summary>
    private async Task<(string Key, string CheckoutRequestId)> ChargeAsync(decimal amount)
    {
        var key = await RequestChargeAsync(amount);
        IReadOnlyList<string> checkouts = [];
        await EmbeddedGateway.EventuallyAsync(async () => (checkouts = await gateway.QueryAsync<string>(
            "SELECT checkout_request_id FROM gw_stk_requests WHERE checkout_request_id IS NOT NULL")).Count == 1, "the push recorded");
        return (key, checkouts[0]);
    }
}
