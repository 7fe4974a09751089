using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmsVending.MeterEmulator.MobileMoney;

namespace SmsVending.MeterEmulator.Tests.MobileMoney;

public class OAuthEndpointsTests
{
    [Fact]
    public async Task Generate_RightCredentials_GivesATokenAndItsLifetime()
    {
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());

        var (status, body) = await GenerateAsync(money, "client_credentials", $"{TestMoney.Key}:{TestMoney.Secret}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.Equal("3599", body.GetProperty("expires_in").GetString());
    }

    [Theory]
    [InlineData("client_credentials", "test-key:wrong", "400.008.01")]
    [InlineData("client_credentials", null, "400.008.01")]
    [InlineData("password", "test-key:test-secret", "400.008.02")]
    public async Task Generate_BadRequest_IsDarajasError(string grantType, string? credentials, string errorCode)
    {
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());

        var (status, body) = await GenerateAsync(money, grantType, credentials);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(errorCode, body.GetProperty("errorCode").GetString());
        Assert.True(body.TryGetProperty("requestId", out _));
        Assert.True(body.TryGetProperty("errorMessage", out _));
    }

    [Fact]
    public async Task Token_AfterItExpired_IsRefusedAsInvalid()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings(), time: clock);
        await using var gateway = await JsonReceiver.StartAsync();
        var token = await TestMoney.TokenAsync(money);

        clock.Advance(TimeSpan.FromSeconds(3600));
        var (status, body) = await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress), token);

        Assert.Equal(401, status);
        Assert.Equal("404.001.03", body.GetProperty("errorCode").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GenerateAsync(MobileMoneyHost money, string grantType, string? credentials)
    {
        using var http = TestMoney.Client(money);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/oauth/v1/generate?grant_type={grantType}");
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
