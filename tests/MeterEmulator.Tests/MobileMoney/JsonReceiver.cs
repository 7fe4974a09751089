using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmsVending.MeterEmulator.Tests.MobileMoney;

/// <summary>The Gateway's M-Pesa routes stood in for by a Kestrel app on a free loopback port: records each JSON POST and answers
/// as told (by default Daraja's acknowledgement).</summary>
public sealed class JsonReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<(string PathAndQuery, JsonElement Body)> received = Channel.CreateUnbounded<(string, JsonElement)>();

    private JsonReceiver(WebApplication app) => this.app = app;

    /// <summary>The receiver's base URL.</summary>
    public Uri BaseAddress => new(app.Urls.First());

    /// <summary>Starts a receiver; <paramref name="answer"/> picks the JSON answered to a request by its path.</summary>
    public static async Task<JsonReceiver> StartAsync(Func<string, string>? answer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new JsonReceiver(builder.Build());
        receiver.app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var json = await JsonDocument.ParseAsync(request.Body);
            receiver.received.Writer.TryWrite((request.Path + request.QueryString, json.RootElement.Clone()));
            return Results.Text(answer?.Invoke(request.Path.Value!) ?? """{"ResultCode":0,"ResultDesc":"Success"}""", "application/json");
        });
        await receiver.app.StartAsync();
        return receiver;
    }

    /// <summary>The next request, or a failure after a bounded wait.</summary>
    public async Task<(string PathAndQuery, JsonElement Body)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Whether a request is waiting now (for asserting that none came).</summary>
    public bool TryNext(out (string PathAndQuery, JsonElement Body) request) => received.Reader.TryRead(out request);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
