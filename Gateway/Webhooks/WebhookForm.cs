using Microsoft.AspNetCore.Http.Features;

namespace SmsVending.Gateway.Webhooks;

/// <summary>Reads a provider's form post within tight limits before the handler runs: wrong content type is 415, an
/// oversized or malformed form 413/400, each with a reason.</summary>
internal sealed class WebhookForm : IEndpointFilter
{
    /// <summary>The largest webhook body accepted: a 1,600-character SMS with Twilio's other fields fits many times over.</summary>
    public const int MaxBytes = 32 * 1024;

    private static readonly FormOptions Limits = new() { ValueCountLimit = 100, KeyLengthLimit = 200, ValueLengthLimit = 8 * 1024, BufferBody = false };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return TypedResults.Problem("send application/x-www-form-urlencoded", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBytes)
        {
            return TypedResults.Problem($"the body is larger than {MaxBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBytes;
        }

        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, Limits));
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return TypedResults.Problem($"the form cannot be read: {e.Message}", statusCode: e is BadHttpRequestException { StatusCode: 413 }
                ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
