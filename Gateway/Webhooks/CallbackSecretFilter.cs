using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SmsVending.Gateway.Webhooks;

/// <summary>Refuses (403) a callback from outside the provider's allowed sources, or without the shared secret: the check for
/// providers that do not sign (USSD aggregators, M-Pesa Daraja). The secret is compared in constant time.</summary>
/// <remarks>The source is the connection's remote address: behind a proxy, configure forwarded headers so it is the caller's.</remarks>
internal sealed class CallbackSecretFilter<TOptions>(TOptions options) : IEndpointFilter where TOptions : CallbackAuthentication
{
    /// <summary>The header that may carry the secret instead of the query.</summary>
    public const string Header = "X-Callback-Secret";

    private readonly IReadOnlyList<IPNetwork> allowed = options.Networks() ?? throw new InvalidOperationException("AllowedSources holds an invalid address");
    private readonly byte[]? secret = string.IsNullOrEmpty(options.CallbackSecret) ? null : Digest(options.CallbackSecret);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (allowed.Count > 0 && !IsAllowed(context.HttpContext.Connection.RemoteIpAddress))
        {
            return TypedResults.Problem("this source address may not call here", statusCode: StatusCodes.Status403Forbidden);
        }

        if (secret is not null)
        {
            var given = request.Headers[Header].ToString() is { Length: > 0 } header ? header : request.Query["secret"].ToString();
            if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Digest(given), secret))
            {
                return TypedResults.Problem(given.Length == 0 ? "the callback secret is missing" : "the callback secret is wrong",
                    statusCode: StatusCodes.Status403Forbidden);
            }
        }

        return await next(context);
    }

    /// <summary>Whether the address lies in an allowed range (an IPv4 address seen as IPv6 counts as IPv4).</summary>
    public bool IsAllowed(IPAddress? remote) =>
        remote is not null && allowed.Any(range => range.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote));

    // Digests of equal length, so the comparison's time says nothing about the secret's length either.
    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
