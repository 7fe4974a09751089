using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SmsVending.MeterEmulator.Ir;

namespace SmsVending.MeterEmulator.Tests.Ir;

/// <summary>The phone's link to POST /ir/frames, against a loopback server answering as the Gateway does.</summary>
public sealed class IrRelayLinkTests : IAsyncLifetime
{
    private WebApplication server = null!;
    private HttpClient http = null!;
    private IResult next = Results.Ok();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapPost("/ir/frames", () => next);
        await server.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(server.Urls.First()) };
    }

    [Fact]
    public async Task Send_Ok_GivesTheHostsFrame()
    {
        next = Results.Bytes([4, 5, 6], "application/octet-stream");

        Assert.Equal([4, 5, 6], (await Link().SendAsync([1], CancellationToken.None)).Frame);
    }

    [Fact]
    public async Task Send_Pending_GivesTheWaitInMilliseconds()
    {
        next = Results.Json(new { status = "pending", sessionId = "ab", retryAfterMilliseconds = 250 }, statusCode: StatusCodes.Status202Accepted);

        Assert.Equal(TimeSpan.FromMilliseconds(250), (await Link().SendAsync([1], CancellationToken.None)).RetryAfter);
    }

    [Fact]
    public async Task Send_HostUnavailable_IsAWaitNotARefusal()
    {
        next = Results.Problem("the KeyAuthority did not answer", statusCode: StatusCodes.Status503ServiceUnavailable);

        var answer = await Link().SendAsync([1], CancellationToken.None);

        Assert.Equal((IrRelayLink.Unavailable, null), (answer.RetryAfter, answer.Refusal));
    }

    [Fact]
    public async Task Send_Refused_SaysTheStatusReasonAndDetail()
    {
        next = Results.Problem("frame 3 does not decrypt", statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["reason"] = "Undecryptable" });

        Assert.Equal("403 Undecryptable: frame 3 does not decrypt", (await Link().SendAsync([1], CancellationToken.None)).Refusal);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    private IrRelayLink Link() => new(http);
}
