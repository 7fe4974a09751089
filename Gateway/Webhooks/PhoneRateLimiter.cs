using System.Threading.RateLimiting;

namespace SmsVending.Gateway.Webhooks;

/// <summary>A fixed window of permits per key (ASP.NET Core's partitioned rate limiting): one sender cannot flood the system.</summary>
/// <remarks>Keyed by something only known once the request is read (a sender's phone, a meter, an IR session), so the endpoints ask it
/// after reading rather than the rate-limiting middleware before.</remarks>
public abstract class KeyedRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    /// <summary>A window of <paramref name="permits"/> per key.</summary>
    protected KeyedRateLimiter(int permits, TimeSpan window) =>
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, QueueLimit = 0,
        }));

    /// <summary>True when the key may have one more now.</summary>
    public bool TryAcquire(string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Per-phone limits on inbound messages (Gateway:RateLimitPerPhone per RateLimitWindow).</summary>
public sealed class PhoneRateLimiter(GatewayOptions options) : KeyedRateLimiter(options.RateLimitPerPhone, options.RateLimitWindow);
