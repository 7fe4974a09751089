using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmsVending.Gateway.Tests.Payments;

/// <summary>Daraja's two endpoints the Gateway calls (OAuth token, STK push) on a real loopback HTTP server: records what it
/// is sent and answers like the sandbox, or refuses pushes when told to.</summary>
public sealed class LoopbackDaraja : IAsyncDisposable
{
    public const string ConsumerKey = "loopback-key", ConsumerSecret = "loopback-secret", ShortCode = "174379", PassKey = "loopback-passkey", AccessToken = "loopback-token";

    private readonly WebApplication app;
    private int checkouts;

    private LoopbackDaraja(WebApplication app) => this.app = app;

    /// <summary>The push bodies received, in order.</summary>
    public ConcurrentQueue<JsonElement> Pushes { get; } = new();

    /// <summary>Answer pushes with Daraja's "invalid phone" refusal.</summary>
    public bool RefusePushes { get; set; }

    public Uri BaseUrl => new(app.Urls.First());

    /// <summary>The settings that point the Gateway at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Gateway:Mpesa:ApiBaseUrl"] = BaseUrl.AbsoluteUri, ["Gateway:Mpesa:ShortCode"] = ShortCode, ["Gateway:Mpesa:PassKey"] = PassKey,
        ["Gateway:Mpesa:ConsumerKey"] = ConsumerKey, ["Gateway:Mpesa:ConsumerSecret"] = ConsumerSecret, ["Gateway:PublicBaseUrl"] = "https://vend.example.com/",
    };

    public static async Task<LoopbackDaraja> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var daraja = new LoopbackDaraja(builder.Build());
        daraja.app.MapGet("/oauth/v1/generate", (HttpRequest request) =>
            request.Query["grant_type"] == "client_credentials"
            && request.Headers.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ConsumerKey}:{ConsumerSecret}"))
                ? Results.Json(new Dictionary<string, string> { ["access_token"] = AccessToken, ["expires_in"] = "3599" })
                : Results.Unauthorized());
        daraja.app.MapPost("/mpesa/stkpush/v1/processrequest", daraja.PushAsync);
        await daraja.app.StartAsync();
        return daraja;
    }

    private async Task<IResult> PushAsync(HttpRequest request)
    {
        if (request.Headers.Authorization != $"Bearer {AccessToken}")
        {
            return Results.Unauthorized();
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        Pushes.Enqueue(body.RootElement.Clone());
        if (RefusePushes)
        {
            return Results.Json(new Dictionary<string, string> { ["requestId"] = "1-1", ["errorCode"] = "400.002.02", ["errorMessage"] = "Bad Request - Invalid PhoneNumber" },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var n = Interlocked.Increment(ref checkouts);
        return Results.Json(new Dictionary<string, string>
        {
            ["MerchantRequestID"] = $"29115-{n}", ["CheckoutRequestID"] = $"ws_CO_loopback_{n}_{Guid.NewGuid():N}", ["ResponseCode"] = "0",
            ["ResponseDescription"] = "Success. Request accepted for processing", ["CustomerMessage"] = "Success. Request accepted for processing",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
