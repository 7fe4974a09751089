using System.Security.Cryptography;
using System.Text;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>Daraja's token endpoint: client credentials by HTTP Basic consumer key:secret.</summary>
internal static class OAuthEndpoints
{
    public static IEndpointRouteBuilder MapDarajaOAuth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/oauth/v1/generate", Generate);
        return routes;
    }

    /// <summary>A new token, as <c>{"access_token","expires_in"}</c> (expires_in a string of seconds, as Daraja writes it).</summary>
    public static IResult Generate(HttpRequest request, MobileMoneySettings settings, AccessTokens tokens)
    {
        if (request.Query["grant_type"] != "client_credentials")
        {
            return DarajaError.InvalidGrantType();
        }

        if (!Authenticated(request.Headers.Authorization.ToString(), settings))
        {
            return DarajaError.InvalidAuthentication();
        }

        return TypedResults.Json(new Dictionary<string, string>
        {
            ["access_token"] = tokens.Issue(),
            ["expires_in"] = ((long)settings.TokenLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, DarajaError.Exact);
    }

    // Exactly "Basic base64(key:secret)", compared in constant time.
    private static bool Authenticated(string header, MobileMoneySettings settings) => CryptographicOperations.FixedTimeEquals(
        Encoding.ASCII.GetBytes(header), Encoding.ASCII.GetBytes("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ConsumerKey}:{settings.ConsumerSecret}"))));
}
