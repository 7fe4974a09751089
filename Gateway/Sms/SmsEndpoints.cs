using System.Text.RegularExpressions;
using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Observability;
using SmsVending.Gateway.Sms.Outbound;
using SmsVending.Gateway.Webhooks;
using SmsVending.Infrastructure.Phones;

namespace SmsVending.Gateway.Sms;

/// <summary>Twilio's webhooks: inbound SMS and delivery reports.</summary>
internal static partial class SmsEndpoints
{
    /// <summary>Empty TwiML: "no reply now", the answer is sent later through the REST API.</summary>
    public const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response/>""";

    /// <summary>Longest SMS body Twilio posts (ten concatenated segments).</summary>
    public const int MaxBodyLength = 1600;

    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder routes)
    {
        var twilio = routes.MapGroup("/sms/twilio").AddEndpointFilter<WebhookForm>().AddEndpointFilter<TwilioSignatureFilter>().DisableAntiforgery();
        twilio.MapPost("/", ReceiveAsync);
        twilio.MapPost("/status", StatusAsync);
        return routes;
    }

    /// <summary>Stores the message (a retried MessageSid is stored once), hands it on and answers at once with empty TwiML.</summary>
    public static async Task<IResult> ReceiveAsync(HttpRequest request, MessageLog log, InboundHandOff handOff, SmsCommands commands, PhoneRateLimiter limiter,
        GatewayOptions options, GatewayMetrics metrics)
    {
        var form = request.Form;
        string sid = form["MessageSid"].ToString(), from = form["From"].ToString(), phone = "";
        var problem = !MessageSid().IsMatch(sid) ? "MessageSid must be SM followed by 32 hexadecimal digits"
            : !form.ContainsKey("Body") ? "Body is missing"
            : form["Body"].ToString().Length > MaxBodyLength ? $"Body is longer than {MaxBodyLength} characters"
            : !Phones.TryNormalise(from, options.DefaultRegion, out phone, out var error) ? $"From: {error}"
            : null;
        if (problem is not null)
        {
            metrics.Received(Channels.Sms, "malformed");
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        if (!limiter.TryAcquire(phone))
        {
            metrics.Received(Channels.Sms, "rate-limited");
            return TypedResults.Problem("too many messages from this phone; try again later", statusCode: StatusCodes.Status429TooManyRequests);
        }

        // Parsed on arrival: the log records what it reads as in the same write that stores it.
        var body = form["Body"].ToString();
        var command = SmsCommandParser.Parse(body);
        var (name, meterNumber) = SmsCommands.ReadAs(command);
        var stored = await log.StoreAsync(new IncomingMessage(Channels.Sms, sid, phone, body, null, name, meterNumber), request.HttpContext.RequestAborted);
        metrics.Received(Channels.Sms, stored is null ? "duplicate" : "stored");
        if (stored is not null)
        {
            await handOff.PublishAsync(stored, commands.DirectHandOff(stored, command));
        }

        return TypedResults.Text(EmptyTwiml, "text/xml");
    }

    /// <summary>A delivery report updates the log; a delivered token SMS marks its purchase delivered.</summary>
    public static async Task<IResult> StatusAsync(HttpRequest request, Outbox outbox, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        var form = request.Form;
        string sid = form["MessageSid"].ToString(), status = form["MessageStatus"].ToString();
        if (!MessageSid().IsMatch(sid) || !OutboundStatus.Reports.Contains(status) && status != OutboundStatus.Queued)
        {
            return TypedResults.Problem("MessageSid and a MessageStatus (queued, sending, sent, delivered, undelivered, failed) are required",
                statusCode: StatusCodes.Status400BadRequest);
        }

        long? id = long.TryParse(request.Query["id"], out var ours) ? ours : null;
        var message = await outbox.ReportAsync(id, sid, status, form["ErrorCode"].ToString(), cancellationToken);
        if (message is null)
        {
            return TypedResults.NotFound();
        }

        if (status == "delivered" && Guid.TryParse(message.PurchaseId, out var purchase))
        {
            await bus.Publish(new PurchaseDelivered(purchase), cancellationToken);
        }

        return TypedResults.NoContent();
    }

    [GeneratedRegex("^SM[0-9a-fA-F]{32}$")]
    private static partial Regex MessageSid();
}
