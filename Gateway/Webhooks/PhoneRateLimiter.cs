using System.Threading.RateLimiting;

namespace SmsVending.Gateway.Webhooks;

/// <summary>Per-phone limits on inbound messages (ASP.NET Core's rate limiting): one phone cannot flood the system.</summary>
/// <remarks>Partitioned by the sender's phone, which is only known once the provider's form is read, so the endpoints ask
/// it after reading rather than the rate-limiting middleware before.</remarks>
public sealed class PhoneRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    /// <summary>A fixed window per phone from the Gateway's options.</summary>
    public PhoneRateLimiter(GatewayOptions options) =>
        limiter = PartitionedRateLimiter.Create<string, string>(phone => RateLimitPartition.GetFixedWindowLimiter(phone, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.RateLimitPerPhone, Window = options.RateLimitWindow, QueueLimit = 0,
        }));

    /// <summary>True when the phone may send one more message now.</summary>
    public bool TryAcquire(string phone)
    {
        using var lease = limiter.AttemptAcquire(phone);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => limiter.Dispose();
}
