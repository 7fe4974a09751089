using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmsVending.MeterEmulator.MobileMoney;

namespace SmsVending.MeterEmulator.Tests.MobileMoney;

/// <summary>The provider's settings for a test, and Daraja calls made as the Gateway makes them.</summary>
public static class TestMoney
{
    public const string Key = "test-key", Secret = "test-secret", PassKey = "test-passkey", ShortCode = "174379", Phone = "254711000001";

    public static MobileMoneySettings Settings(Uri? gateway = null) => new()
    {
        ConsumerKey = Key, ConsumerSecret = Secret, PassKey = PassKey, ShortCode = ShortCode, Gateway = gateway, CallbackSecret = "callback-secret-0123456789",
    };

    public static HttpClient Client(MobileMoneyHost money) => new() { BaseAddress = money.BaseAddress };

    public static async Task<string> TokenAsync(MobileMoneyHost money)
    {
        using var http = Client(money);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oauth/v1/generate?grant_type=client_credentials");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Key}:{Secret}")));
        using var response = await http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A push body as the Gateway's StkPush builds it.</summary>
    public static Dictionary<string, object> Push(Uri callback, string phone = Phone, long amount = 300, string passKey = PassKey)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(3)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return new()
        {
            ["BusinessShortCode"] = ShortCode, ["Password"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(ShortCode + passKey + timestamp)), ["Timestamp"] = timestamp,
            ["TransactionType"] = "CustomerPayBillOnline", ["Amount"] = amount, ["PartyA"] = phone, ["PartyB"] = ShortCode, ["PhoneNumber"] = phone,
            ["CallBackURL"] = callback.AbsoluteUri, ["AccountReference"] = "04040404040", ["TransactionDesc"] = "Meter token",
        };
    }

    public static async Task<(int Status, JsonElement Body)> PushAsync(MobileMoneyHost money, object body, string? token = null)
    {
        using var http = Client(money);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mpesa/stkpush/v1/processrequest") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? await TokenAsync(money));
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
