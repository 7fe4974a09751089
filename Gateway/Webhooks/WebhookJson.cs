using System.Text.Json;

namespace SmsVending.Gateway.Webhooks;

/// <summary>Reads a provider's JSON callback within tight limits before the handler runs: wrong content type is 415, more than
/// <see cref="MaxBytes"/> 413, anything but a JSON object 400, each with a reason. The handler finds it as a <see cref="JsonBody"/>.</summary>
internal sealed class WebhookJson : IEndpointFilter
{
    /// <summary>The largest callback accepted: Daraja's payloads are well under 2 KiB.</summary>
    public const int MaxBytes = 32 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem("send application/json", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }

        // Read one byte past the limit: a chunked body gives no length up front.
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), context.HttpContext.RequestAborted)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return TooLarge();
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return TypedResults.Problem("the body must be a JSON object", statusCode: StatusCodes.Status400BadRequest);
            }

            context.HttpContext.Features.Set(new JsonBody(System.Text.Encoding.UTF8.GetString(buffer, 0, length), document.RootElement.Clone()));
        }
        catch (JsonException e)
        {
            return TypedResults.Problem($"the body is not JSON: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }

    private static IResult TooLarge() => TypedResults.Problem($"the body is larger than {MaxBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
}

/// <summary>A callback's body as received (stored raw) and parsed.</summary>
public sealed record JsonBody(string Raw, JsonElement Root);
