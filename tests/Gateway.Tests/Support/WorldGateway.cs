using SmsVending.MeterEmulator.GatewayApi;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.Support;

/// <summary>The embedded Gateway on a real loopback port, configured as the README's Demo section says: SMS to a phone network
/// and STK pushes to an M-Pesa provider at two free ports, which the demo or the load driver then start.</summary>
public sealed class WorldGateway : IAsyncDisposable
{
    private WorldGateway(EmbeddedGateway gateway, Uri url, string phonesUrl, string moneyUrl) => (Gateway, Url, PhonesUrl, MoneyUrl) = (gateway, url, phonesUrl, moneyUrl);

    public EmbeddedGateway Gateway { get; }

    public Uri Url { get; }

    public string PhonesUrl { get; }

    public string MoneyUrl { get; }

    /// <summary>The credentials file's content, as the emulator reads it.</summary>
    public GatewayCredentials Credentials
    {
        get
        {
            var c = Gateway.Credentials;
            return new GatewayCredentials(c.AdminApiKey, c.SupervisorApiKey, c.AgentApiKey, c.ManufacturingApiKey, c.TwilioAccountSid, c.TwilioAuthToken,
                c.MpesaCallbackSecret);
        }
    }

    /// <summary>Starts the Gateway with <paramref name="settings"/> on top of the demo configuration, once its demo data is seeded.</summary>
    public static async Task<WorldGateway> StartAsync(string data, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (gatewayPort, phonesPort, moneyPort) = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
        var url = new Uri($"http://127.0.0.1:{gatewayPort}");
        var configuration = new Dictionary<string, string?>
        {
            ["Gateway:PublicBaseUrl"] = url.AbsoluteUri,
            ["Gateway:Twilio:ApiBaseUrl"] = $"http://127.0.0.1:{phonesPort}",
            ["Gateway:Mpesa:ApiBaseUrl"] = $"http://127.0.0.1:{moneyPort}", ["Gateway:Mpesa:ShortCode"] = OutsideWorld.ShortCode,
            ["Gateway:Mpesa:PassKey"] = OutsideWorld.PassKey, ["Gateway:Mpesa:ConsumerKey"] = OutsideWorld.ConsumerKey,
            ["Gateway:Mpesa:ConsumerSecret"] = OutsideWorld.ConsumerSecret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var gateway = new EmbeddedGateway(data, configuration);
        gateway.UseKestrel(gatewayPort);
        gateway.StartServer();
        await gateway.DemoCustomerAsync(); // the demo tariff and vending key are seeded
        return new WorldGateway(gateway, url, $"http://127.0.0.1:{phonesPort}", $"http://127.0.0.1:{moneyPort}");
    }

    public ValueTask DisposeAsync() => Gateway.DisposeAsync();
}
