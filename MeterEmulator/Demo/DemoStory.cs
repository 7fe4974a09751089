using System.Security.Cryptography;
using SmsVending.MeterEmulator.GatewayApi;
using SmsVending.MeterEmulator.MobileMoney;
using SmsVending.MeterEmulator.PhoneNetwork;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>The demo: a short story told against a running Gateway — a new meter, a new phone linked to it by SMS, a mobile-money
/// top-up, a purchase by SMS and one by USSD keyed into the emulated meter, a replayed token refused as Used, and an agent's
/// resend — printed as it happens. The phone network and the mobile-money provider run in this process.</summary>
public sealed partial class DemoStory
{
    private readonly DemoSettings settings;
    private readonly TextWriter output;
    private readonly TimeProvider time;
    private readonly GatewayClient gateway;
    private readonly PhoneNetworkHost network;
    private readonly MobileMoneyHost money;
    private readonly Func<int, int> meterDigits, phoneDigits;
    private int step;

    private DemoStory(DemoSettings settings, TextWriter output, TimeProvider time, GatewayClient gateway, PhoneNetworkHost network, MobileMoneyHost money)
    {
        (this.settings, this.output, this.time, this.gateway, this.network, this.money) = (settings, output, time, gateway, network, money);
        // One stream for the meter and its code, another for the phone: a meter drawn again does not move the phone's draws.
        (meterDigits, phoneDigits) = (Source(settings.Seed, 0), Source(settings.Seed, 1));
    }

    private static Func<int, int> Source(int? seed, int stream) => seed is { } s ? new Random(unchecked((s * 31) + stream)).Next : RandomNumberGenerator.GetInt32;

    /// <summary>Tells the story; 0 when every step behaved as expected, 1 (with the reason printed) at the first that did not.</summary>
    public static async Task<int> RunAsync(DemoSettings settings, TextWriter output, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        time ??= TimeProvider.System;
        var credentials = settings.Credentials;
        DemoStory? story = null;
        try
        {
            await using var world = await OutsideWorld.StartAsync(settings.Gateway, credentials, settings.PhonesUrl, settings.MoneyUrl, time,
                cancellationToken: cancellationToken);
            var (network, money) = (world.Network, world.Money);
            using var http = new HttpClient { BaseAddress = settings.Gateway, Timeout = settings.StepTimeout };
            await output.WriteLineAsync($"Phone network at {network.BaseAddress}, M-Pesa at {money.BaseAddress}, Gateway at {settings.Gateway}");
            story = new DemoStory(settings, output, time, new GatewayClient(http, credentials), network, money);
            await story.TellAsync(cancellationToken);
            await output.WriteLineAsync("Done: every step behaved as expected.");
            return 0;
        }
        catch (Exception e) when (e is DemoFailure or GatewayRefusedException or TimeoutException or HttpRequestException or TaskCanceledException or IOException
                                      && !cancellationToken.IsCancellationRequested)
        {
            var where = story is null ? "Could not start" : $"Step {story.step} failed";
            await output.WriteLineAsync($"{where}: {e.Message}");
            return 1;
        }
    }

    private async Task TellAsync(CancellationToken cancellationToken)
    {
        var (meter, code) = await NewMeterAsync(cancellationToken);
        var phone = await LinkPhoneAsync(meter, code, cancellationToken);
        await TopUpAsync(phone, cancellationToken);
        var first = await BuyBySmsAsync(phone, meter, cancellationToken);
        var second = await BuyByUssdAsync(phone, meter, cancellationToken);
        ReplayToken(first);
        await ResendAsync(phone, second, cancellationToken);
    }

    private void Step(string title)
    {
        step++;
        output.WriteLine($"{step}. {title}");
    }

    private void Say(string line) => output.WriteLine($"   {line}");
}
