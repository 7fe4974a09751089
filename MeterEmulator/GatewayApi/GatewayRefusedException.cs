using System.Net;

namespace SmsVending.MeterEmulator.GatewayApi;

/// <summary>The Gateway refused a call or answered with an unexpected status; the message names the route and its answer.</summary>
/// <param name="message">The route and what it answered.</param>
/// <param name="status">The HTTP status it answered with; null when the answer itself was unusable.</param>
public sealed class GatewayRefusedException(string message, HttpStatusCode? status = null) : Exception(message)
{
    /// <summary>The HTTP status the Gateway answered with, or null.</summary>
    public HttpStatusCode? Status { get; } = status;
}
