using SmsVending.MeterEmulator.MobileMoney;
using SmsVending.MeterEmulator.PhoneNetwork;

namespace SmsVending.MeterEmulator.GatewayApi;

/// <summary>The phone network and the M-Pesa provider that the demo and the load driver run in this process in front of a
/// Gateway, which is started with <c>Gateway:Twilio:ApiBaseUrl</c> and <c>Gateway:Mpesa:*</c> pointing at them.</summary>
public sealed class OutsideWorld : IAsyncDisposable
{
    /// <summary>The phone network's default address.</summary>
    public const string DefaultPhonesUrl = "http://127.0.0.1:5080";

    /// <summary>The mobile-money provider's default address.</summary>
    public const string DefaultMoneyUrl = "http://127.0.0.1:5090";

    /// <summary>The Daraja app the provider answers for; the Gateway runs with the same values (see the README's Demo section).</summary>
    public const string ShortCode = "174379", PassKey = "demo-pass-key", ConsumerKey = "demo-consumer-key", ConsumerSecret = "demo-consumer-secret";

    private OutsideWorld(PhoneNetworkHost network, MobileMoneyHost money) => (Network, Money) = (network, money);

    /// <summary>The Twilio-compatible network with the phones' inboxes.</summary>
    public PhoneNetworkHost Network { get; }

    /// <summary>The Daraja-compatible provider that sends C2B payments.</summary>
    public MobileMoneyHost Money { get; }

    /// <summary>Starts both, authenticated with the Gateway's credentials; <paramref name="deliveryWorkers"/> sets how many
    /// messages the network carries at once (a load run needs more than the default).</summary>
    public static async Task<OutsideWorld> StartAsync(Uri gateway, GatewayCredentials credentials, string phonesUrl, string moneyUrl, TimeProvider time,
        int? deliveryWorkers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(credentials);
        var phoneSettings = new PhoneNetworkSettings
        {
            AccountSid = credentials.TwilioAccountSid, AuthToken = credentials.TwilioAuthToken, GatewayWebhook = new Uri(gateway, "/sms/twilio"),
        };
        var network = await PhoneNetworkHost.StartAsync(deliveryWorkers is { } workers ? phoneSettings with { DeliveryWorkers = workers } : phoneSettings,
            phonesUrl, time, cancellationToken);
        try
        {
            var money = await MobileMoneyHost.StartAsync(new MobileMoneySettings
            {
                ConsumerKey = ConsumerKey, ConsumerSecret = ConsumerSecret, ShortCode = ShortCode, PassKey = PassKey, Gateway = gateway,
                CallbackSecret = credentials.MpesaCallbackSecret,
            }, moneyUrl, time, cancellationToken);
            return new OutsideWorld(network, money);
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops both.</summary>
    public async ValueTask DisposeAsync()
    {
        await Money.DisposeAsync();
        await Network.DisposeAsync();
    }
}
