using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmsVending.MeterEmulator.Tests.PhoneNetwork;

/// <summary>A tiny Kestrel app on a free loopback port that records every POST it gets (a status-callback or SMS webhook receiver).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<ReceivedWebhook> received = Channel.CreateUnbounded<ReceivedWebhook>();

    private WebhookReceiver(Func<int, IResult> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        var count = 0;
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            received.Writer.TryWrite(new ReceivedWebhook(
                request.Path + request.QueryString,
                form.ToDictionary(f => f.Key, f => f.Value.ToString()),
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return answer(Interlocked.Increment(ref count));
        }).DisableAntiforgery();
    }

    /// <summary>The receiver's base URL, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts a receiver; <paramref name="answer"/> picks the response to the n-th request (default 200, empty).</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<int, IResult>? answer = null)
    {
        var receiver = new WebhookReceiver(answer ?? (_ => Results.Ok()));
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>The next request received, or a failure after the bounded wait.</summary>
    public async Task<ReceivedWebhook> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next <paramref name="count"/> requests, in the order they arrived.</summary>
    public async Task<List<ReceivedWebhook>> NextAsync(int count)
    {
        var all = new List<ReceivedWebhook>();
        for (var i = 0; i < count; i++)
        {
            all.Add(await NextAsync());
        }

        return all;
    }

    /// <summary>Stops the receiver.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One POST a <see cref="WebhookReceiver"/> got.</summary>
public sealed record ReceivedWebhook(string PathAndQuery, Dictionary<string, string> Form, Dictionary<string, string> Headers)
{
    /// <summary>The X-Twilio-Signature header.</summary>
    public string Signature => Headers.GetValueOrDefault("X-Twilio-Signature", "");
}
