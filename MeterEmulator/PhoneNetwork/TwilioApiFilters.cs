using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>What the REST API checks before any handler: the outage switch, then HTTP Basic AccountSid:AuthToken.</summary>
internal static class TwilioApiFilters
{
    public static async ValueTask<object?> OutageAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<PhoneNetworkSettings>().Faults.Outage
            ? TwilioError.ServiceUnavailable()
            : await next(context);

    public static async ValueTask<object?> BasicAuthAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<PhoneNetworkSettings>();
        if (Authenticated(http.Request.Headers.Authorization.ToString(), settings) && http.GetRouteValue("accountSid") as string == settings.AccountSid)
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
        return TwilioError.Authenticate();
    }

    private static bool Authenticated(string header, PhoneNetworkSettings settings)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[value.Parameter.Length];
        if (!Convert.TryFromBase64String(value.Parameter, decoded, out var length))
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}");
        return CryptographicOperations.FixedTimeEquals(decoded[..length], expected);
    }
}
