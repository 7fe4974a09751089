using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Observability;
using SmsVending.Gateway.Webhooks;
using SmsVending.Infrastructure.Phones;

namespace SmsVending.Gateway.Ussd;

/// <summary>The USSD callback in Africa's Talking's convention: a form with sessionId, serviceCode, phoneNumber, networkCode and
/// text (the inputs so far joined by <c>*</c>), answered in plain text starting <c>CON</c> (show and wait) or <c>END</c>.</summary>
internal static class UssdEndpoints
{
    /// <summary>The most input text a session can have typed (a few screens of at most 182 characters).</summary>
    public const int MaxTextLength = 1024;

    public static IEndpointRouteBuilder MapUssd(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/ussd").AddEndpointFilter<CallbackSecretFilter<UssdOptions>>().AddEndpointFilter<WebhookForm>().DisableAntiforgery()
            .MapPost("/", AnswerAsync);
        return routes;
    }

    /// <summary>Checks the fields, limits how often a phone may start a session, and answers from the session's state.</summary>
    public static async Task<IResult> AnswerAsync(HttpRequest request, UssdMenu menu, PhoneRateLimiter limiter, GatewayOptions options, GatewayMetrics metrics)
    {
        var form = request.Form;
        string sessionId = form["sessionId"].ToString(), text = form["text"].ToString();
        var problem = sessionId.Length is 0 or > 128 || sessionId.Any(char.IsWhiteSpace) ? "sessionId is missing or longer than 128 characters"
            : form["serviceCode"].ToString().Length == 0 ? "serviceCode is missing"
            : !form.ContainsKey("text") ? "text is missing (it is empty on a session's first request)"
            : text.Length > MaxTextLength ? $"text is longer than {MaxTextLength} characters"
            : !Phones.TryNormalise(form["phoneNumber"].ToString(), options.DefaultRegion, out _, out var error) ? $"phoneNumber: {error}"
            : null;
        if (problem is not null)
        {
            metrics.Received(Channels.Ussd, "malformed");
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        // A session's later screens are paced by the network; what a phone could flood with is new sessions.
        var phone = Phones.Normalise(form["phoneNumber"].ToString(), options.DefaultRegion);
        if (text.Length == 0 && !limiter.TryAcquire(phone))
        {
            metrics.Received(Channels.Ussd, "rate-limited");
            return TypedResults.Text(UssdScreens.TooMany(UssdScreens.English), "text/plain");
        }

        metrics.Received(Channels.Ussd, "answered");
        return TypedResults.Text(await menu.AnswerAsync(sessionId, phone, text, request.HttpContext.RequestAborted), "text/plain");
    }
}
