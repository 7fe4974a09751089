using Microsoft.AspNetCore.Http.HttpResults;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Twilio's Messages REST resource: create (the SDK's MessageResource.Create) and fetch.</summary>
internal static class MessagesEndpoints
{
    private const int MaxBody = 1600;

    public static IEndpointRouteBuilder MapTwilioMessages(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/2010-04-01/Accounts/{accountSid}")
            .AddEndpointFilter(TwilioApiFilters.OutageAsync)
            .AddEndpointFilter(TwilioApiFilters.BasicAuthAsync);
        account.MapPost("/Messages.json", CreateAsync);
        account.MapGet("/Messages/{sid}.json", Fetch);
        return routes;
    }

    public static async Task<Results<JsonHttpResult<MessageResourceJson>, JsonHttpResult<TwilioError>>> CreateAsync(
        string accountSid, HttpRequest request, OutboundMessages messages, PhoneNetworkSettings settings, TimeProvider time)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
        string? Field(string name) => form[name] is { Count: > 0 } values && values[0] is { Length: > 0 } value ? value : null;

        var (to, from, body, service, callback) = (Field("To"), Field("From"), Field("Body"), Field("MessagingServiceSid"), Field("StatusCallback"));
        if (to is null)
        {
            return TwilioError.ToRequired();
        }

        if (!E164.IsValid(to))
        {
            return TwilioError.InvalidTo(to);
        }

        if (from is null && service is null)
        {
            return TwilioError.FromRequired();
        }

        if (body is null)
        {
            return TwilioError.BodyRequired();
        }

        if (body.Length > MaxBody)
        {
            return TwilioError.BodyTooLong();
        }

        if (callback is not null && !(Uri.TryCreate(callback, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            return TwilioError.InvalidStatusCallback(callback);
        }

        var message = new NetworkMessage(TwilioSid.NewMessageSid(), accountSid, to, from ?? settings.ServiceNumber, body, service, callback, time.GetUtcNow());
        messages.Accept(message);
        return TypedResults.Json(MessageResourceJson.Of(message), statusCode: StatusCodes.Status201Created);
    }

    public static Results<JsonHttpResult<MessageResourceJson>, JsonHttpResult<TwilioError>> Fetch(string sid, HttpRequest request, OutboundMessages messages) =>
        messages.Find(sid) is { } message
            ? TypedResults.Json(MessageResourceJson.Of(message))
            : TwilioError.NotFound(request.Path);
}
