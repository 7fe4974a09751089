using Twilio.Security;

namespace SmsVending.Gateway.Sms;

/// <summary>Refuses (403) a Twilio webhook whose X-Twilio-Signature does not match the URL Twilio called and the posted form,
/// checked by the Twilio SDK's <see cref="RequestValidator"/> against the public URL (behind a proxy we see another one).</summary>
internal sealed class TwilioSignatureFilter(GatewayOptions options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        if (signature.Length == 0)
        {
            return TypedResults.Problem("X-Twilio-Signature is missing", statusCode: StatusCodes.Status403Forbidden);
        }

        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        var parameters = form.ToDictionary(field => field.Key, field => field.Value.ToString());
        if (!new RequestValidator(options.Twilio.AuthToken).Validate(PublicUrl(request), parameters, signature))
        {
            return TypedResults.Problem("X-Twilio-Signature does not match this request", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    private string PublicUrl(HttpRequest request) => options.PublicBaseUrl is { } root
        ? $"{root.AbsoluteUri.TrimEnd('/')}{request.Path}{request.QueryString}"
        : $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
}
