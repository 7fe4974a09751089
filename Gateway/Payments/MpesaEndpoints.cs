using Microsoft.AspNetCore.Http.Features;
using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Observability;
using SmsVending.Gateway.Webhooks;
using SmsVending.Infrastructure.Phones;

namespace SmsVending.Gateway.Payments;

/// <summary>M-Pesa Daraja's callbacks: C2B validation (answered from Vending within seconds), C2B confirmation and the STK push
/// result (stored raw first, unique on the provider's id, acknowledged at once and handled asynchronously).</summary>
internal static class MpesaEndpoints
{
    public static IEndpointRouteBuilder MapMpesa(this IEndpointRouteBuilder routes)
    {
        var mpesa = routes.MapGroup("/payments/mpesa").AddEndpointFilter<CallbackSecretFilter<MpesaOptions>>().AddEndpointFilter<WebhookJson>();
        mpesa.MapPost("/c2b/validation", ValidateAsync);
        mpesa.MapPost("/c2b/confirmation", ConfirmAsync);
        mpesa.MapPost("/stk/callback", StkCallbackAsync);
        return routes;
    }

    /// <summary>Asks Vending whether the account can take the payment; when Vending is slow or its check fails the payment is accepted
    /// (if the account turns out wrong, the confirmation goes to suspense for staff rather than the customer's money being turned
    /// away).</summary>
    public static async Task<IResult> ValidateAsync(HttpRequest request, IRequestClient<CheckMeterAccount> accounts, MpesaOptions options, ILogger<MpesaOptions> logger)
    {
        if (C2bTransaction.Parse(request.HttpContext.Features.GetRequiredFeature<JsonBody>().Root, out var problem) is not { } payment)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var check = await accounts.GetResponse<MeterAccountChecked>(new CheckMeterAccount(payment.AccountReference, payment.Amount), request.HttpContext.RequestAborted,
                RequestTimeout.After(ms: (int)options.ValidationTimeout.TotalMilliseconds));
            return check.Message switch
            {
                { Accepted: true } => Validation("0", "Accepted"),
                { Problem: MeterAccountProblem.BelowMinimum or MeterAccountProblem.AboveMaximum } => Validation("C2B00013", "Rejected: invalid amount"),
                _ => Validation("C2B00012", "Rejected: invalid account number"),
            };
        }
        catch (Exception e) when (e is RequestTimeoutException or RequestFaultException)
        {
            // No answer within the timeout, or a fault instead of one. Uncaught, a fault is HTTP 500 with no body, which Daraja reads
            // as a refusal: the customer's payment turned away for our fault, not theirs.
            logger.LogWarning(e, "Vending did not validate C2B payment {TransId} (timeout {Timeout}): accepted; a wrong account goes to suspense",
                payment.TransId, options.ValidationTimeout);
            return Validation("0", "Accepted");
        }
    }

    /// <summary>Stores the confirmation once per TransID and hands it on; a repeat is acknowledged without a second payment.</summary>
    public static async Task<IResult> ConfirmAsync([AsParameters] StoredCallback callback) =>
        C2bTransaction.Parse(callback.Body.Root, out var problem) is { } payment
            ? await callback.StoreAsync(Channels.MpesaC2b, payment.TransId, payment.Msisdn, payment.TransId)
            : callback.Malformed(Channels.MpesaC2b, problem!);

    /// <summary>Stores the push's result once per CheckoutRequestID and hands it on.</summary>
    public static async Task<IResult> StkCallbackAsync([AsParameters] StoredCallback callback) =>
        StkResult.Parse(callback.Body.Root, out var problem) is { } result
            ? await callback.StoreAsync(Channels.MpesaStk, result.CheckoutRequestId, result.Phone, result.Receipt)
            : callback.Malformed(Channels.MpesaStk, problem!);

    private static IResult Validation(string code, string description) => TypedResults.Json(new ValidationResult(code, description), DarajaClient.Exact);

    /// <summary>The C2B validation answer (ResultCode a string: "0" or C2B000xx).</summary>
    private sealed record ValidationResult(string ResultCode, string ResultDesc);
}
