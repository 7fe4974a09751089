using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Tests.Support;
using SmsVending.Gateway.Ussd;

namespace SmsVending.Gateway.Tests.Ussd;

/// <summary>A customer whose stored language is Swahili sees every screen in Swahili.</summary>
public sealed partial class UssdEndpointsTests
{
    private const string Swahili = "sw", Zawadi = "+254711000077";

    [Fact]
    public async Task Buy_SwahiliCustomer_EveryScreenInSwahili()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        await RegisterZawadiAsync(gateway);
        await TopUpAsync(gateway, Zawadi, 1000m);
        var phone = new UssdPhone(gateway.Client, Zawadi);

        var main = await phone.DialAsync();
        var wrongChoice = await phone.TypeAsync("7");
        var amount = await phone.TypeAsync("1");
        var notAnAmount = await phone.TypeAsync("abc");
        var confirm = await phone.TypeAsync("200");
        var done = await phone.TypeAsync("1");

        Assert.Equal("CON SmsVending\n1 Nunua\n2 Tokeni za mwisho\n3 Salio\n4 Mita zangu\n00 Toka", main);
        Assert.StartsWith("CON Chagua 1 hadi 4.\nSmsVending\n1 Nunua", wrongChoice, StringComparison.Ordinal);
        Assert.Contains("Weka kiasi (KES):\n0 Rudi 00 Toka", amount, StringComparison.Ordinal);
        Assert.StartsWith("CON Weka kiasi kama 500.\nMita ", notAnAmount, StringComparison.Ordinal);
        Assert.Contains("Nunua KES 200.00 kwa mita", confirm, StringComparison.Ordinal);
        Assert.Contains("1 Thibitisha", confirm, StringComparison.Ordinal);
        Assert.Equal(UssdScreens.Ordered(Swahili), done);
        // The token SMS speaks Swahili too.
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync(phone.SessionId)).Any(s => s.Tokens is not null), "the token SMS");
        Assert.StartsWith("Tokeni ", Assert.Single(await gateway.SmsAnsweringAsync(phone.SessionId)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buy_SwahiliCustomerWithPinAndSeveralMeters_ChoosesAndConfirmsInSwahili()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var meters = await RegisterZawadiAsync(gateway, pin: "2468", allDemoMeters: true);
        var phone = new UssdPhone(gateway.Client, Zawadi);
        await phone.DialAsync();

        var list = await phone.TypeAsync("1");
        var notAMeter = await phone.TypeAsync("9");
        var amount = await phone.TypeAsync("3");
        var confirm = await phone.TypeAsync("100");
        var notAPin = await phone.TypeAsync("1");
        var backToAmount = await phone.TypeAsync("0");
        var exit = await phone.TypeAsync("00");

        Assert.StartsWith("CON Chagua mita:\n1 ", list, StringComparison.Ordinal);
        Assert.EndsWith("\n0 Rudi 00 Toka", list, StringComparison.Ordinal);
        Assert.StartsWith("CON Chagua mita kwa namba yake.\nChagua mita:", notAMeter, StringComparison.Ordinal);
        Assert.StartsWith($"CON Mita {meters[2]}\nWeka kiasi", amount, StringComparison.Ordinal);
        Assert.Contains("Weka PIN yako kuthibitisha", confirm, StringComparison.Ordinal);
        Assert.StartsWith("CON PIN ina tarakimu 4 hadi 8.\nNunua", notAPin, StringComparison.Ordinal);
        Assert.StartsWith($"CON Mita {meters[2]}", backToAmount, StringComparison.Ordinal);
        Assert.Equal(UssdScreens.Goodbye(Swahili), exit);
    }

    [Fact]
    public async Task BalanceMetersAndLastTokens_SwahiliCustomer_AnswerInSwahili()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var meters = await RegisterZawadiAsync(gateway);
        await TopUpAsync(gateway, Zawadi, 250m);

        async Task<string> ChooseAsync(UssdPhone phone, string input)
        {
            await phone.DialAsync();
            return await phone.TypeAsync(input);
        }

        var resend = new UssdPhone(gateway.Client, Zawadi);
        Assert.Equal(UssdScreens.Resending(Swahili), await ChooseAsync(resend, "2"));
        Assert.Equal("END Salio lako ni KES 250.00.", await ChooseAsync(new UssdPhone(gateway.Client, Zawadi), "3"));
        Assert.Equal($"END Mita zako:\n{meters[0]}", await ChooseAsync(new UssdPhone(gateway.Client, Zawadi), "4"));
        // Nothing was bought yet: Vending says so by SMS, in Swahili.
        await EmbeddedGateway.EventuallyAsync(async () => (await gateway.SmsAnsweringAsync($"ussd-last:{resend.SessionId}")).Count == 1, "the resend's SMS");
        Assert.Equal("Hakuna tokeni za kutuma tena.", Assert.Single(await gateway.SmsAnsweringAsync($"ussd-last:{resend.SessionId}")).Body);
    }

    [Fact]
    public async Task Session_SwahiliCustomerIdleTooLong_ExpiresInSwahili()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        await RegisterZawadiAsync(gateway);
        var phone = new UssdPhone(gateway.Client, Zawadi);
        await phone.DialAsync();

        gateway.Clock.Advance(TimeSpan.FromSeconds(21));

        Assert.Equal(UssdScreens.Expired(Swahili), await phone.TypeAsync("3"));
    }

    [Fact]
    public async Task Session_StoredWithoutALanguage_GoesOnInEnglish()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        await RegisterZawadiAsync(gateway);
        var phone = new UssdPhone(gateway.Client, Zawadi);
        await phone.DialAsync();
        // As a session started before the language was kept in its state.
        await gateway.QueryAsync<int>("UPDATE gw_ussd_sessions SET state = REPLACE(state, '\"Language\":\"sw\",', '') WHERE session_id = @id", new { id = phone.SessionId });
        Assert.DoesNotContain("Language", Assert.Single(await gateway.QueryAsync<string>("SELECT state FROM gw_ussd_sessions")), StringComparison.Ordinal);

        Assert.Contains("Enter amount (KES)", await phone.TypeAsync("1"), StringComparison.Ordinal);
    }

    /// <summary>Registers Zawadi, who reads Swahili, through Vending's admin messages, as a buyer for Amina's meter (or every demo
    /// meter); returns her meters as Vending lists them.</summary>
    private static async Task<IReadOnlyList<string>> RegisterZawadiAsync(GatewayFixture gateway, string? pin = null, bool allDemoMeters = false)
    {
        using var scope = gateway.Services.CreateScope();
        var registered = await scope.ServiceProvider.GetRequiredService<IRequestClient<RegisterCustomer>>()
            .GetResponse<CustomerRegistered, AdminRequestRefused>(new RegisterCustomer(Zawadi, "Zawadi Mwangi", Swahili, pin));
        Assert.True(registered.Is(out Response<CustomerRegistered>? _), "Zawadi is registered");
        foreach (var (phone, _, _) in allDemoMeters ? DemoData.Customers : DemoData.Customers[..1])
        {
            var meter = (await gateway.TimelineAsync(phone)).Meters[0].MeterNumber;
            var bound = await scope.ServiceProvider.GetRequiredService<IRequestClient<BindMeter>>()
                .GetResponse<MeterBound, AdminRequestRefused>(new BindMeter(Zawadi, meter, "buyer"));
            Assert.True(bound.Is(out Response<MeterBound>? _), $"Zawadi may buy for {meter}");
        }

        return [.. (await gateway.TimelineAsync(Zawadi)).Meters.Select(m => m.MeterNumber)];
    }
}
