using SmsVending.MeterEmulator.Hosting;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>The phone network running in this process on Kestrel: the Twilio-compatible REST API, message delivery,
/// the phones' inboxes. Tests, the load driver and the `phones` command start one; dispose it to stop it.</summary>
public sealed class PhoneNetworkHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient phones;
    private readonly TimeProvider time;
    private readonly OutboundMessages outbound;

    private PhoneNetworkHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Settings = app.Services.GetRequiredService<PhoneNetworkSettings>();
        Inbox = app.Services.GetRequiredService<PhoneInbox>();
        time = app.Services.GetRequiredService<TimeProvider>();
        outbound = app.Services.GetRequiredService<OutboundMessages>();
        phones = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(EmulatedPhone));
    }

    /// <summary>Where the REST API listens; point the Twilio client's base URL here.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every phone's received SMS.</summary>
    public PhoneInbox Inbox { get; }

    /// <summary>How many messages the REST API has accepted so far.</summary>
    public int MessagesAccepted => outbound.Count;

    /// <summary>The account, the Gateway's webhook, and the fault switches (changeable while running).</summary>
    public PhoneNetworkSettings Settings { get; }

    /// <summary>Starts the network on <paramref name="url"/> (default: a free loopback port).</summary>
    public static async Task<PhoneNetworkHost> StartAsync(
        PhoneNetworkSettings settings, string url = "http://127.0.0.1:0", TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var (app, address) = await EmulatorWebHost.StartAsync(url, services => services.AddPhoneNetwork(settings, time ?? TimeProvider.System),
            routes => routes.MapTwilioMessages(), cancellationToken);
        return new PhoneNetworkHost(app, address);
    }

    /// <summary>The phone with this E.164 number (its inbox is <see cref="Inbox"/>'s entry for the number).</summary>
    public EmulatedPhone Phone(string number) => new(number, phones, Settings, Inbox, time);

    /// <summary>Waits until the host stops (Ctrl+C, or the token).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the REST API and the delivery workers.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
