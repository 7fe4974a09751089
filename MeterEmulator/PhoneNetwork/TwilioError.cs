using Microsoft.AspNetCore.Http.HttpResults;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Twilio's REST error body, {"code":…,"message":…,"more_info":…,"status":…}, as the SDK's RestException reads it.</summary>
internal sealed record TwilioError(int Code, string Message, string MoreInfo, int Status)
{
    public static JsonHttpResult<TwilioError> Authenticate() => Result(20003, "Authenticate", StatusCodes.Status401Unauthorized);

    public static JsonHttpResult<TwilioError> NotFound(string path) =>
        Result(20404, $"The requested resource {path} was not found", StatusCodes.Status404NotFound);

    public static JsonHttpResult<TwilioError> ServiceUnavailable() => Result(20503, "Service Unavailable", StatusCodes.Status503ServiceUnavailable);

    public static JsonHttpResult<TwilioError> BodyRequired() => Invalid(21602, "Message body is required.");

    public static JsonHttpResult<TwilioError> FromRequired() => Invalid(21603, "A 'From' phone number is required.");

    public static JsonHttpResult<TwilioError> ToRequired() => Invalid(21604, "A 'To' phone number is required.");

    public static JsonHttpResult<TwilioError> InvalidTo(string to) => Invalid(21211, $"Invalid 'To' Phone Number: {to}");

    public static JsonHttpResult<TwilioError> InvalidStatusCallback(string url) => Invalid(21609, $"Invalid StatusCallback url: {url}");

    public static JsonHttpResult<TwilioError> BodyTooLong() => Invalid(21617, "The concatenated message body exceeds the 1600 character limit.");

    private static JsonHttpResult<TwilioError> Invalid(int code, string message) => Result(code, message, StatusCodes.Status400BadRequest);

    private static JsonHttpResult<TwilioError> Result(int code, string message, int status) =>
        TypedResults.Json(new TwilioError(code, message, $"https://www.twilio.com/docs/errors/{code}", status), statusCode: status);
}
