using SmsVending.Gateway.Webhooks;

namespace SmsVending.Gateway.Ir;

/// <summary>Limits on relayed IR frames: new sessions per meter (each costs the host a key agreement, a signature and a row), and frames
/// per session (a phone asking again for its confirmation). Not per client address: phones share addresses behind carrier NAT.</summary>
public sealed class IrRateLimiter(GatewayOptions options) : KeyedRateLimiter(options.Ir.FramesPerSession, options.RateLimitWindow)
{
    private readonly HelloLimiter hellos = new(options);

    /// <summary>True when the meter may open one more session now.</summary>
    public bool TryAcquireHello(string meterNumber) => hellos.TryAcquire(meterNumber);

    private sealed class HelloLimiter(GatewayOptions options) : KeyedRateLimiter(options.Ir.SessionsPerMeter, options.RateLimitWindow);
}
