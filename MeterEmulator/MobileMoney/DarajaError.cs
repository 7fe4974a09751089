using System.Text.Json;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>Daraja's error body, <c>{"requestId","errorCode","errorMessage"}</c>, with the codes its API answers.</summary>
internal static class DarajaError
{
    /// <summary>Property names exactly as Daraja spells them.</summary>
    public static readonly JsonSerializerOptions Exact = new() { PropertyNamingPolicy = null };

    public static IResult InvalidGrantType() => Of(StatusCodes.Status400BadRequest, "400.008.02", "Invalid grant type passed");

    public static IResult InvalidAuthentication() => Of(StatusCodes.Status400BadRequest, "400.008.01", "Invalid Authentication passed");

    public static IResult InvalidAccessToken() => Of(StatusCodes.Status401Unauthorized, "404.001.03", "Invalid Access Token");

    public static IResult BadRequest(string field) => Of(StatusCodes.Status400BadRequest, "400.002.02", $"Bad Request - Invalid {field}");

    public static IResult WrongCredentials() => Of(StatusCodes.Status500InternalServerError, "500.001.1001", "Wrong credentials");

    private static IResult Of(int status, string code, string message) => TypedResults.Json(
        new Dictionary<string, string> { ["requestId"] = $"{Random.Shared.Next(10_000, 99_999)}-{Random.Shared.Next(1_000_000, 9_999_999)}-1", ["errorCode"] = code, ["errorMessage"] = message },
        Exact, statusCode: status);
}
