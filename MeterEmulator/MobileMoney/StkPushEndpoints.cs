using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>Lipa na M-Pesa Online: <c>POST /mpesa/stkpush/v1/processrequest</c> with a Bearer token. Checks the request as Daraja
/// does (the Password above all), answers with the checkout ids, and queues the prompt for the customer.</summary>
internal static class StkPushEndpoints
{
    public static IEndpointRouteBuilder MapStkPush(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/mpesa/stkpush/v1/processrequest", ProcessRequestAsync);
        return routes;
    }

    public static async Task<IResult> ProcessRequestAsync(HttpRequest request, MobileMoneySettings settings, AccessTokens tokens, StkPushes pushes, TimeProvider time)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !tokens.IsValid(authorization["Bearer ".Length..]))
        {
            return DarajaError.InvalidAccessToken();
        }

        JsonElement body;
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            body = json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return DarajaError.BadRequest("Request");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return DarajaError.BadRequest("Request");
        }

        var push = StkPushFields.Read(body);
        if (push.Problem(settings) is { } field)
        {
            return DarajaError.BadRequest(field);
        }

        if (!PasswordMatches(push, settings))
        {
            return DarajaError.WrongCredentials();
        }

        var record = new StkPushRecord(DarajaIds.CheckoutRequestId(time.GetUtcNow()), DarajaIds.MerchantRequestId(), push.PhoneNumber!, push.Amount!.Value,
            push.AccountReference!, push.CallBackUrl!, time.GetUtcNow(), settings.Customers.BehaviourOf(push.PhoneNumber!));
        pushes.Accept(record);
        return TypedResults.Json(new Dictionary<string, string>
        {
            ["MerchantRequestID"] = record.MerchantRequestId, ["CheckoutRequestID"] = record.CheckoutRequestId, ["ResponseCode"] = "0",
            ["ResponseDescription"] = "Success. Request accepted for processing", ["CustomerMessage"] = "Success. Request accepted for processing",
        }, DarajaError.Exact);
    }

    private static bool PasswordMatches(StkPushFields push, MobileMoneySettings settings) => CryptographicOperations.FixedTimeEquals(
        Encoding.ASCII.GetBytes(push.Password ?? ""),
        Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.ShortCode + settings.PassKey + push.Timestamp))));

    /// <summary>The push body's fields; Daraja takes numbers as JSON numbers or strings.</summary>
    private sealed record StkPushFields(
        string? BusinessShortCode, string? Password, string? Timestamp, string? TransactionType, decimal? Amount, string? PartyA, string? PartyB,
        string? PhoneNumber, Uri? CallBackUrl, string? AccountReference, string? TransactionDesc)
    {
        public static StkPushFields Read(JsonElement body) => new(
            Text(body, "BusinessShortCode"), Text(body, "Password"), Text(body, "Timestamp"), Text(body, "TransactionType"),
            decimal.TryParse(Text(body, "Amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null,
            Text(body, "PartyA"), Text(body, "PartyB"), Text(body, "PhoneNumber"),
            Uri.TryCreate(Text(body, "CallBackURL"), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null,
            Text(body, "AccountReference"), Text(body, "TransactionDesc"));

        /// <summary>The first field Daraja would call invalid, or null.</summary>
        public string? Problem(MobileMoneySettings settings) =>
            BusinessShortCode != settings.ShortCode ? "BusinessShortCode"
            : !DateTime.TryParseExact(Timestamp, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? "Timestamp"
            : TransactionType is not ("CustomerPayBillOnline" or "CustomerBuyGoodsOnline") ? "TransactionType"
            : Amount is not { } a || a < 1 || a != decimal.Truncate(a) ? "Amount"
            : !IsMsisdn(PartyA) ? "PartyA"
            : PartyB != settings.ShortCode ? "PartyB"
            : !IsMsisdn(PhoneNumber) ? "PhoneNumber"
            : CallBackUrl is null ? "CallBackURL"
            : string.IsNullOrEmpty(AccountReference) || AccountReference.Length > 12 ? "AccountReference"
            : string.IsNullOrEmpty(TransactionDesc) ? "TransactionDesc"
            : null;

        // Daraja takes Kenyan numbers as 2547XXXXXXXX or 2541XXXXXXXX.
        private static bool IsMsisdn(string? phone) => phone is { Length: 12 } && phone.StartsWith("254", StringComparison.Ordinal) && phone.All(char.IsAsciiDigit);

        private static string? Text(JsonElement body, string name) => body.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
    }
}
