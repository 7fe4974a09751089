using System.Text.Json;

namespace SmsVending.Gateway.Http;

/// <summary>JSON options made read-only, with their resolver, before the first request can use them.</summary>
/// <remarks>ASP.NET's <c>TypedResults.Json</c> sets a resolver on options that have none and are not yet read-only, while the
/// first serialization with them makes them read-only. Two first requests at once (or one and an outgoing Daraja call) could
/// then meet halfway: one set the resolver on options the other had just locked, and the request failed with "This
/// JsonSerializerOptions instance is read-only". It answered HTTP 500 with no body, which Daraja reads as a refusal: a
/// distributed test's provisioning had an M-Pesa payment refused that way (README, M-Pesa).</remarks>
internal static class FrozenJson
{
    /// <summary>Returns <paramref name="options"/> read-only, with the default resolver when it has none.</summary>
    public static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
