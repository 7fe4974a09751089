using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Tests.Support;
using SmsVending.MeterEmulator.GatewayApi;

namespace SmsVending.Gateway.Tests.EndToEnd;

/// <summary>The emulator's Gateway client on the questions the demo asks before it draws a number.</summary>
public sealed class GatewayClientTests : GatewayTest
{
    [Fact]
    public async Task KnowsPhoneAsync_ACustomerOrAPhoneWithOnlyMessages_IsOnRecordAndANewPhoneIsNot()
    {
        await using var world = await WorldGateway.StartAsync(Data);
        using var http = new HttpClient { BaseAddress = world.Url };
        var client = new GatewayClient(http, world.Credentials);
        const string Stranger = "+254799000123";
        // Not a customer: the Gateway logs the SMS and answers with its help text.
        (await world.Gateway.PostSmsAsync(Stranger, "HELLO", signedUrl: world.Url.AbsoluteUri.TrimEnd('/'))).EnsureSuccessStatusCode();

        Assert.True(await client.KnowsPhoneAsync(DemoData.Customers[0].Phone, default));
        Assert.True(await client.KnowsPhoneAsync(Stranger, default));
        Assert.False(await client.KnowsPhoneAsync("+254799000124", default));
    }

    [Theory]
    [InlineData("""{"found":false}""")]
    [InlineData("""{"entries":[]}""")]
    [InlineData("[]")]
    [InlineData("not json")]
    public async Task KnowsPhoneAsync_AnAnswerOfAnotherShape_IsRefusedQuotingIt(string answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var other = builder.Build();
        other.MapGet("/staff/customers/{phone}/timeline", () => Results.Text(answer, "application/json"));
        await other.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(other.Urls.First()) };
        var client = new GatewayClient(http, new GatewayCredentials("admin", "supervisor", "agent", "manufacturing", "AC0", "token", null));

        var refused = await Assert.ThrowsAsync<GatewayRefusedException>(() => client.KnowsPhoneAsync("+254799000125", default));

        Assert.Contains(answer, refused.Message, StringComparison.Ordinal);
    }
}
