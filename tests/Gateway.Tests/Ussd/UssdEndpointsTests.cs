using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Tests.Embedded;
using SmsVending.Gateway.Tests.Support;
using SmsVending.Gateway.Ussd;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;

namespace SmsVending.Gateway.Tests.Ussd;

public sealed partial class UssdEndpointsTests
{
    private static readonly string Amina = DemoData.Customers[0].Phone;

    [Fact]
    public async Task Dial_RegisteredPhone_ShowsTheMainMenu()
    {
        await using var gateway = await GatewayFixture.StartAsync();

        var screen = await new UssdPhone(gateway.Client, Amina).DialAsync();

        Assert.StartsWith("CON ", screen, StringComparison.Ordinal);
        Assert.Contains("1 Buy", screen, StringComparison.Ordinal);
        Assert.Contains("4 My meters", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dial_UnknownPhone_EndsWithTheRegistrationHint()
    {
        await using var gateway = await GatewayFixture.StartAsync();

        var screen = await new UssdPhone(gateway.Client, "+254799000123").DialAsync();

        Assert.Equal(UssdScreens.NotRegistered(UssdScreens.English), screen);
    }

    [Fact]
    public async Task Buy_OneMeter_EndsAtOnceAndTheTokenArrivesBySms()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        await TopUpAsync(gateway, Amina, 1000m);
        var phone = new UssdPhone(gateway.Client, Amina);

        await phone.DialAsync();
        var amount = await phone.TypeAsync("1");
        var confirm = await phone.TypeAsync("200");
        var done = await phone.TypeAsync("1");

        Assert.Contains("Enter amount (KES)", amount, StringComparison.Ordinal);
        Assert.Contains("Buy KES 200.00 for meter", confirm, StringComparison.Ordinal);
        Assert.Contains("1 Confirm", confirm, StringComparison.Ordinal);
        Assert.Equal(UssdScreens.Ordered(UssdScreens.English), done);
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(phone.SessionId)).Any(s => s.Tokens is not null), "the token SMS");
        var sms = Assert.Single(await gateway.SmsAnsweringAsync(phone.SessionId));
        Assert.Contains(sms.Tokens!.Split(' ')[0][..4], sms.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buy_ConfirmReplayed_MakesOnePurchase()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        await TopUpAsync(gateway, Amina, 1000m);
        var phone = new UssdPhone(gateway.Client, Amina);
        await phone.DialAsync();
        await phone.TypeAsync("1*300");

        var first = await phone.TypeAsync("1");
        var replayed = await phone.SendAsync("1*300*1");
        var more = await phone.SendAsync("1*300*1*1");

        Assert.Equal(UssdScreens.Ordered(UssdScreens.English), first);
        Assert.Equal(UssdScreens.Ordered(UssdScreens.English), replayed);
        Assert.Equal(UssdScreens.NoSession(UssdScreens.English), more);
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(phone.SessionId)).Count > 0, "the token SMS");
        Assert.Single(await gateway.QueryAsync<long>("SELECT id FROM gw_inbound WHERE external_id = @id", new { id = phone.SessionId }));
        var purchases = (await gateway.TimelineAsync(Amina)).Entries.Where(e => e.Kind == "purchase").ToList();
        Assert.Equal(phone.SessionId, Assert.Single(purchases).Reference);
    }

    [Fact]
    public async Task Buy_SeveralMeters_ListsThemAndBuysForTheOneChosen()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var meters = await GiveAminaAllDemoMetersAsync(gateway);
        await TopUpAsync(gateway, Amina, 1000m);
        var phone = new UssdPhone(gateway.Client, Amina);
        await phone.DialAsync();

        var list = await phone.TypeAsync("1");
        var amount = await phone.TypeAsync("2");
        await phone.TypeAsync("150");
        var done = await phone.TypeAsync("1");

        Assert.StartsWith("CON Choose meter:", list, StringComparison.Ordinal);
        Assert.All(meters.Select((m, i) => $"{i + 1} {m}"), line => Assert.Contains(line, list, StringComparison.Ordinal));
        Assert.Contains($"Meter {meters[1]}", amount, StringComparison.Ordinal);
        Assert.Equal(UssdScreens.Ordered(UssdScreens.English), done);
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(phone.SessionId)).Any(s => s.Tokens is not null), "the token SMS");
        Assert.Equal(meters[1], (await gateway.TimelineAsync(Amina)).Entries.Single(e => e.Kind == "purchase").MeterNumber);
    }

    [Fact]
    public async Task Buy_PinSet_AsksForThePinAndPassesItOn()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        const string PinPhone = "+254711000099";
        using (var scope = gateway.Services.CreateScope())
        {
            var customer = await scope.ServiceProvider.GetRequiredService<CustomerStore>().RegisterAsync(PinPhone, "Pin Holder", pin: "4321");
            await scope.ServiceProvider.GetRequiredService<MeterRegistry>().BindAsync(customer.Id, (await gateway.TimelineAsync(Amina)).Meters[0].MeterNumber, BindingRole.Buyer);
        }

        var phone = new UssdPhone(gateway.Client, PinPhone);
        await phone.DialAsync();
        var confirm = await phone.TypeAsync("1*100");
        var notAPin = await phone.TypeAsync("1");
        var done = await phone.SendAsync("1*100*1*9999");

        Assert.Contains("Enter your PIN to confirm", confirm, StringComparison.Ordinal);
        Assert.StartsWith("CON A PIN has 4 to 8 digits.", notAPin, StringComparison.Ordinal);
        Assert.Equal(UssdScreens.Ordered(UssdScreens.English), done);
        // The wrong PIN reached Vending: its refusal is the SMS.
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(phone.SessionId)).Any(s => s.Body.Contains("Wrong PIN", StringComparison.Ordinal)), "the wrong-PIN SMS");
    }

    [Fact]
    public async Task BackAndExit_WorkOnEveryScreen()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        await GiveAminaAllDemoMetersAsync(gateway);
        var phone = new UssdPhone(gateway.Client, Amina);
        await phone.DialAsync();

        var main = await phone.TypeAsync("0");
        var list = await phone.TypeAsync("1");
        var backToMain = await phone.TypeAsync("0");
        await phone.TypeAsync("1");
        await phone.TypeAsync("3");
        var confirm = await phone.TypeAsync("500");
        var backToAmount = await phone.TypeAsync("0");
        var backToList = await phone.TypeAsync("0");
        var exit = await phone.TypeAsync("00");

        Assert.Contains("1 Buy", main, StringComparison.Ordinal);
        Assert.StartsWith("CON Choose meter:", list, StringComparison.Ordinal);
        Assert.Contains("1 Buy", backToMain, StringComparison.Ordinal);
        Assert.Contains("Buy KES 500.00", confirm, StringComparison.Ordinal);
        Assert.Contains("Enter amount", backToAmount, StringComparison.Ordinal);
        Assert.StartsWith("CON Choose meter:", backToList, StringComparison.Ordinal);
        Assert.Equal(UssdScreens.Goodbye(UssdScreens.English), exit);
        Assert.Empty(await gateway.QueryAsync<long>("SELECT id FROM gw_inbound WHERE external_id = @id", new { id = phone.SessionId }));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("1*00")]
    [InlineData("1*200*00")]
    public async Task Exit_FromAnyScreen_EndsTheSession(string text)
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var phone = new UssdPhone(gateway.Client, Amina);
        await phone.DialAsync();

        Assert.Equal(UssdScreens.Goodbye(UssdScreens.English), await phone.SendAsync(text));
    }

    [Fact]
    public async Task Balance_ShowsTheWallet()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        await TopUpAsync(gateway, Amina, 250m);
        var phone = new UssdPhone(gateway.Client, Amina);
        await phone.DialAsync();

        Assert.Equal("END Your balance is KES 250.00.", await phone.TypeAsync("3"));
    }

    [Fact]
    public async Task MyMeters_ListsThePhonesMeters()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var meters = await GiveAminaAllDemoMetersAsync(gateway);
        var phone = new UssdPhone(gateway.Client, Amina);
        await phone.DialAsync();

        Assert.Equal("END Your meters:\n" + string.Join("\n", meters), await phone.TypeAsync("4"));
    }

    [Fact]
    public async Task LastTokens_AsksVendingToResendBySms()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var phone = new UssdPhone(gateway.Client, Amina);
        await phone.DialAsync();

        Assert.Equal(UssdScreens.Resending(UssdScreens.English), await phone.TypeAsync("2"));
        // Nothing was bought yet: Vending's answer "no tokens to send again" is the SMS.
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync($"ussd-last:{phone.SessionId}")).Count == 1, "the resend's SMS");
    }

    [Fact]
    public async Task UnknownSession_WithInput_EndsClearly()
    {
        await using var gateway = await GatewayFixture.StartAsync();

        Assert.Equal(UssdScreens.NoSession(UssdScreens.English), await new UssdPhone(gateway.Client, Amina).SendAsync("1*200"));
    }

    [Fact]
    public async Task Session_IdleTooLong_Expires()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var phone = new UssdPhone(gateway.Client, Amina);
        await phone.DialAsync();

        gateway.Clock.Advance(TimeSpan.FromSeconds(21));

        Assert.Equal(UssdScreens.Expired(UssdScreens.English), await phone.TypeAsync("1"));
    }

    [Fact]
    public async Task Session_BusyButOlderThanItsLifetime_Expires()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var phone = new UssdPhone(gateway.Client, Amina);
        await phone.DialAsync();
        for (var i = 0; i < 7; i++)
        {
            gateway.Clock.Advance(TimeSpan.FromSeconds(15));
            Assert.StartsWith("CON ", await phone.TypeAsync("0"), StringComparison.Ordinal);
        }

        gateway.Clock.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(UssdScreens.Expired(UssdScreens.English), await phone.TypeAsync("0"));
    }

    [Fact]
    public async Task ExpiredSessions_AreSweptAway()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        await new UssdPhone(gateway.Client, Amina).DialAsync();

        gateway.Clock.Advance(UssdSessionSweeper.Grace + TimeSpan.FromMinutes(3));

        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.QueryAsync<string>("SELECT session_id FROM gw_ussd_sessions")).Count == 0, "the sweep");
    }

    [Theory]
    [InlineData("sessionId")]
    [InlineData("serviceCode")]
    [InlineData("phoneNumber")]
    [InlineData("text")]
    public async Task Callback_FieldMissing_Is400WithTheReason(string missing)
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var fields = new Dictionary<string, string> { ["sessionId"] = "ATUid_1", ["serviceCode"] = "*384#", ["phoneNumber"] = Amina, ["text"] = "" };
        fields.Remove(missing);

        using var response = await new UssdPhone(gateway.Client, Amina).PostAsync("", fields: fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(missing, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dial_TooOften_IsRefusedOnTheScreen()
    {
        await using var gateway = await GatewayFixture.StartAsync(new Dictionary<string, string?> { ["Gateway:RateLimitPerPhone"] = "2" });

        await new UssdPhone(gateway.Client, Amina).DialAsync();
        await new UssdPhone(gateway.Client, Amina).DialAsync();

        Assert.Equal(UssdScreens.TooMany(UssdScreens.English), await new UssdPhone(gateway.Client, Amina).DialAsync());
    }

    [Fact]
    public async Task Callback_SecretConfigured_RefusesWithoutIt()
    {
        await using var gateway = await GatewayFixture.StartAsync(new Dictionary<string, string?> { ["Gateway:Ussd:CallbackSecret"] = "ussd-secret-1" });
        var phone = new UssdPhone(gateway.Client, Amina);

        using var missing = await phone.PostAsync("");
        using var wrong = await phone.PostAsync("", "?secret=ussd-secret-2");
        var right = await phone.SendAsync("", "?secret=ussd-secret-1");

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.StartsWith("CON ", right, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_FromOutsideTheAllowedSources_Is403()
    {
        await using var gateway = await GatewayFixture.StartAsync(new Dictionary<string, string?> { ["Gateway:Ussd:AllowedSources:0"] = "10.20.0.0/16" });

        using var response = await new UssdPhone(gateway.Client, Amina).PostAsync("");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task TopUpAsync(GatewayFixture gateway, string phone, decimal amount)
    {
        var before = (await gateway.TimelineAsync(phone)).WalletBalance;
        await gateway.PublishAsync(new PaymentReceived("TOPUP" + Guid.NewGuid().ToString("N")[..8], phone, phone, amount, "KES", "{}"));
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.TimelineAsync(phone)).WalletBalance == before + amount, "the top-up");
    }

    /// <summary>Lets Amina buy for the other demo customers' meters too; returns her meters as Vending lists them.</summary>
    private static async Task<IReadOnlyList<string>> GiveAminaAllDemoMetersAsync(GatewayFixture gateway)
    {
        using var scope = gateway.Services.CreateScope();
        var customer = (await scope.ServiceProvider.GetRequiredService<CustomerStore>().FindByPhoneAsync(Amina))!;
        foreach (var (phone, _, _) in DemoData.Customers.Skip(1))
        {
            var meter = (await gateway.TimelineAsync(phone)).Meters[0].MeterNumber;
            await scope.ServiceProvider.GetRequiredService<MeterRegistry>().BindAsync(customer.Id, meter, BindingRole.Buyer);
        }

        return [.. (await gateway.TimelineAsync(Amina)).Meters.Select(m => m.MeterNumber)];
    }
}
