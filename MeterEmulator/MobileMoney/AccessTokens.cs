using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>The OAuth access tokens handed out, each valid for <see cref="MobileMoneySettings.TokenLifetime"/>.</summary>
internal sealed class AccessTokens(MobileMoneySettings settings, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> expiries = new();

    public string Issue()
    {
        var token = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 28);
        expiries[token] = time.GetUtcNow() + settings.TokenLifetime;
        return token;
    }

    /// <summary>Whether the token was issued here and has not expired.</summary>
    public bool IsValid(string token) => expiries.TryGetValue(token, out var until) && until > time.GetUtcNow();
}
