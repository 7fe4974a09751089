using System.Text.Json.Serialization;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>The emulator's own routes under <c>/emulator</c> (not Daraja's): what a test does in process, for the `money` command's
/// users — make a C2B payment, set a customer's behaviour or wallet, release late answers, list the pushes.</summary>
internal static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapMobileMoneyControl(this IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup("/emulator");
        control.MapPost("/c2b", PayAsync);
        control.MapPut("/customers/{phone}", SetCustomer);
        control.MapPost("/late-answers/release", (LateAnswers late) => { late.Release(); return TypedResults.NoContent(); });
        control.MapGet("/pushes", (StkPushes pushes) => TypedResults.Ok(pushes.All));
        return routes;
    }

    public static async Task<IResult> PayAsync(C2bRequest request, C2bSender sender, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await sender.SendAsync(request.Phone, request.Account, request.Amount, request.Duplicate, request.FirstName ?? "JOHN", cancellationToken));
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    public static IResult SetCustomer(string phone, CustomerRequest request, MobileMoneySettings settings)
    {
        if (request.Behaviour is { } behaviour)
        {
            settings.Customers.Set(phone, behaviour);
        }

        if (request.Balance is { } balance)
        {
            settings.Customers.SetBalance(phone, balance);
        }

        return TypedResults.Ok(new CustomerRequest(settings.Customers.BehaviourOf(phone), settings.Customers.BalanceOf(phone)));
    }

    /// <summary>A C2B payment to make: the payer's phone, the BillRefNumber, the amount.</summary>
    public sealed record C2bRequest(string Phone, string Account, decimal Amount, bool Duplicate = false, string? FirstName = null);

    /// <summary>A customer's behaviour on STK prompts (by name, e.g. "Cancels") and wallet balance; null leaves it as it is.</summary>
    public sealed record CustomerRequest([property: JsonConverter(typeof(JsonStringEnumConverter<CustomerBehaviour>))] CustomerBehaviour? Behaviour, decimal? Balance);
}
