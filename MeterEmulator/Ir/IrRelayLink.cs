using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SmsVending.MeterEmulator.Ir;

/// <summary>The phone's data link to the Gateway's POST /ir/frames: a frame out, and the host's frame, "pending" or a refusal back.</summary>
public sealed class IrRelayLink(HttpClient gateway)
{
    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    /// <summary>How long to wait after a 503 before sending the frame again.</summary>
    public static readonly TimeSpan Unavailable = TimeSpan.FromSeconds(1);

    public async Task<IrRelayAnswer> SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(frame);
        content.Headers.ContentType = OctetStream;
        using var response = await gateway.PostAsync(new Uri("/ir/frames", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return new IrRelayAnswer(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }

        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return new IrRelayAnswer(RetryAfter: Unavailable); // the KeyAuthority did not answer in time: the same frame again is safe
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return new IrRelayAnswer(RetryAfter: PendingRetryAfter(text));
        }

        return new IrRelayAnswer(Refusal: $"{(int)response.StatusCode} {Reason(text)}{IrEnrolment.ProblemDetail(text)}");
    }

    /// <summary>How long the host asks the phone to wait before asking again, from a "pending" (202) answer's body.</summary>
    public static TimeSpan PendingRetryAfter(string body)
    {
        using var pending = JsonDocument.Parse(body);
        return TimeSpan.FromMilliseconds(pending.RootElement.GetProperty("retryAfterMilliseconds").GetInt32());
    }

    private static string Reason(string problem)
    {
        try
        {
            using var json = JsonDocument.Parse(problem);
            return json.RootElement.TryGetProperty("reason", out var reason) ? reason.GetString() + ": " : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}

/// <summary>The Gateway's answer to a relayed frame: the host's frame, a wait before asking again, or why it was refused.</summary>
public sealed record IrRelayAnswer(byte[]? Frame = null, TimeSpan? RetryAfter = null, string? Refusal = null);
