using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SmsVending.Testing;

/// <summary>MassTransit's in-memory test harness as the tests use it: positive checks wait for the message, negative ones for a
/// short quiet spell.</summary>
/// <remarks>The harness's own default gives up on a message once the bus has been idle for 1.2 s since it started, and for good:
/// a test that seeds its databases for longer than that before its first message would then find nothing its consumers go on to
/// publish. A fixed bound per negative check replaces that idle spell, which was the only wait a negative check had.</remarks>
public static class TestHarness
{
    /// <summary>How long a negative check watches for a message that must not come (the harness's old idle spell).</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.2);

    /// <summary>The harness with an idle limit long enough for any test's set-up; positive checks still return on the message.</summary>
    public static IServiceCollection AddTestHarness(this IServiceCollection services, Action<IBusRegistrationConfigurator>? configure = null) =>
        services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(30));
            configure?.Invoke(bus);
        });

    /// <summary>True when no <typeparamref name="T"/> is published within <see cref="Quiet"/>.</summary>
    public static async Task<bool> NonePublishedAsync<T>(this ITestHarness harness)
        where T : class
    {
        using var quiet = new CancellationTokenSource(Quiet);
        return !await harness.Published.Any<T>(quiet.Token);
    }
}
