using Microsoft.AspNetCore.Http.Features;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Observability;
using SmsVending.Gateway.Webhooks;
using SmsVending.Infrastructure.Phones;

namespace SmsVending.Gateway.Payments;

/// <summary>A callback that is stored raw before anything else, with what storing it needs.</summary>
internal readonly record struct StoredCallback(HttpRequest Request, MessageLog Log, InboundHandOff HandOff, GatewayOptions Options, GatewayMetrics Metrics)
{
    public JsonBody Body => Request.HttpContext.Features.GetRequiredFeature<JsonBody>();

    /// <summary>Stores it under the provider's id (a repeat is stored once) with the payment's receipt, hands it on, and acknowledges as
    /// Daraja expects.</summary>
    public async Task<IResult> StoreAsync(string channel, string externalId, string? msisdn, string? receipt)
    {
        // The MSISDN may be masked by the provider: then the row has no phone.
        var phone = msisdn is not null && Phones.TryNormalise(msisdn, Options.DefaultRegion, out var e164, out _) ? e164 : null;
        var stored = await Log.StoreAsync(channel, externalId, phone, Body.Raw, receipt, Request.HttpContext.RequestAborted);
        Metrics.Received(channel, stored is null ? "duplicate" : "stored");
        if (stored is not null)
        {
            await HandOff.PublishAsync(stored);
        }

        return TypedResults.Json(new Acknowledgement(0, "Success"), DarajaClient.Exact);
    }

    public IResult Malformed(string channel, string problem)
    {
        Metrics.Received(channel, "malformed");
        return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>Daraja's acknowledgement of a callback (ResultCode a number).</summary>
    private sealed record Acknowledgement(int ResultCode, string ResultDesc);
}
