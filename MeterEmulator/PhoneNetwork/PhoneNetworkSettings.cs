namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>How the emulated phone network is set up: the Twilio account it answers for and where the Gateway listens.</summary>
public sealed record PhoneNetworkSettings
{
    /// <summary>The account SID clients authenticate as (HTTP Basic user) and that webhooks carry.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The auth token: HTTP Basic password, and the key of every X-Twilio-Signature.</summary>
    public required string AuthToken { get; init; }

    /// <summary>Where phones POST inbound SMS, e.g. http://127.0.0.1:5000/sms/twilio; null when no Gateway is attached.</summary>
    public Uri? GatewayWebhook { get; init; }

    /// <summary>The URL the Gateway validates signatures against (its public URL behind a proxy); defaults to <see cref="GatewayWebhook"/>.</summary>
    public Uri? GatewayPublicWebhook { get; init; }

    /// <summary>The service's number: the To of inbound SMS and the From of TwiML replies.</summary>
    public string ServiceNumber { get; init; } = "+15005550006";

    /// <summary>Sent with inbound SMS when set, as Twilio does for numbers in a messaging service.</summary>
    public string? MessagingServiceSid { get; init; }

    /// <summary>How many messages are delivered at once (each message's callbacks stay in order).</summary>
    public int DeliveryWorkers { get; init; } = 4 * Environment.ProcessorCount;

    /// <summary>Tries per status callback before it is logged and dropped.</summary>
    public int CallbackAttempts { get; init; } = 3;

    /// <summary>Faults switched on and off while the network runs.</summary>
    public PhoneNetworkFaults Faults { get; init; } = new();

    /// <summary>The URL inbound SMS are signed over.</summary>
    internal Uri? SignedWebhook => GatewayPublicWebhook ?? GatewayWebhook;
}
