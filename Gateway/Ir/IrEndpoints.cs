using MassTransit;
using Microsoft.Net.Http.Headers;
using SmsVending.Contracts.Ir;
using SmsVending.Contracts.KeyAuthority;

namespace SmsVending.Gateway.Ir;

/// <summary>POST /ir/frames: a phone, PC or PDA relays a frame of an IR session between a meter and the sales host (the KeyAuthority).</summary>
/// <remarks>No API key: the relaying device is the customer's, so any secret it holds could be copied, and the frames authenticate
/// themselves end to end (the meter's and the host's signatures over the transcript, the session's process key). A relay can only
/// deliver or drop frames. What the edge adds: application/octet-stream only, at most <see cref="IrFrame.MaxLength"/> bytes, a
/// well-formed frame 1 or 3, and rate limits per meter and per session.</remarks>
internal static class IrEndpoints
{
    /// <summary>The frames' media type, both ways.</summary>
    public const string MediaType = "application/octet-stream";

    /// <summary>How long the route waits for the KeyAuthority.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapIr(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/ir/frames", RelayAsync);
        return routes;
    }

    /// <summary>200 with the host's frame; 202 while the purchase runs (send the same frame again after Retry-After); 4xx with the
    /// refusal's reason; 503 when the KeyAuthority does not answer.</summary>
    public static async Task<IResult> RelayAsync(HttpRequest request, IRequestClient<RelayIrFrame> client, IrRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, $"send the frame's bytes as Content-Type: {MediaType}");
        }

        var frame = await ReadAsync(request, cancellationToken);
        if (frame is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"a frame has at most {IrFrame.MaxLength} bytes");
        }

        string partition;
        try
        {
            var decoded = IrFrame.Decode(frame);
            partition = decoded.Type switch
            {
                IrFrameType.Hello => "meter:" + IrHandshake.ReadHello(frame).MeterNumber,
                IrFrameType.Request => "session:" + decoded.SessionHex,
                _ => throw new IrProtocolException(IrRefusal.UnexpectedFrame, $"the host takes frames 1 (hello) and 3 (request), not {(int)decoded.Type}"),
            };
        }
        catch (IrProtocolException e)
        {
            return Refused(e.Reason, e.Message);
        }

        var allowed = partition.StartsWith("meter:", StringComparison.Ordinal) ? limiter.TryAcquireHello(partition) : limiter.TryAcquire(partition);
        return allowed ? await AskAsync(client, frame, cancellationToken) : Problem(StatusCodes.Status429TooManyRequests, "too many frames for this meter or session; wait a minute");
    }

    private static async Task<IResult> AskAsync(IRequestClient<RelayIrFrame> client, byte[] frame, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetResponse<IrFrameAnswered, IrFramePending, IrFrameRefused>(new RelayIrFrame(frame), cancellationToken,
                RequestTimeout.After(ms: (int)Timeout.TotalMilliseconds));
            return response.Message switch
            {
                IrFrameAnswered answered => TypedResults.Bytes(answered.Frame, MediaType),
                IrFramePending pending => new PendingResult(pending),
                IrFrameRefused refused => Refused(refused.Reason, refused.Message),
                var other => Problem(StatusCodes.Status502BadGateway, $"unexpected answer {other.GetType().Name}"),
            };
        }
        catch (RequestTimeoutException)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, $"the KeyAuthority did not answer within {Timeout.TotalSeconds:0} s; send the same frame again");
        }
    }

    /// <summary>The body, or null when it is longer than a frame may be.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > IrFrame.MaxLength)
        {
            return null;
        }

        var buffer = new byte[IrFrame.MaxLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length <= IrFrame.MaxLength ? buffer[..length] : null;
    }

    private static IResult Refused(IrRefusal reason, string message) => Problem(reason switch
    {
        IrRefusal.UnknownMeter or IrRefusal.UnknownSession => StatusCodes.Status404NotFound,
        IrRefusal.BadSignature or IrRefusal.Undecryptable => StatusCodes.Status403Forbidden,
        IrRefusal.SessionExpired => StatusCodes.Status410Gone,
        IrRefusal.RequestConflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    }, message, reason);

    private static IResult Problem(int status, string detail, IrRefusal? reason = null) => TypedResults.Problem(detail, statusCode: status,
        extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason.ToString() });

    /// <summary>202 with Retry-After (whole seconds, as HTTP has it) and the wait in milliseconds in the body, for relays that poll faster.</summary>
    private sealed class PendingResult(IrFramePending pending) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status202Accepted;
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(pending.RetryAfterMilliseconds / 1000.0)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return httpContext.Response.WriteAsJsonAsync(new { status = "pending", pending.SessionId, pending.RetryAfterMilliseconds });
        }
    }
}
