using System.Security.Cryptography;
using SmsVending.Gateway.Sms.Outbound;
using SmsVending.MeterEmulator.PhoneNetwork;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace SmsVending.MeterEmulator.Tests.PhoneNetwork;

/// <summary>Settings with a fresh account per test, and a Twilio SDK client pointed at a running network.</summary>
public static class TestNetwork
{
    /// <summary>The customer's phone the tests text.</summary>
    public const string Customer = "+254711000001";

    /// <summary>A bounded wait for anything the network does in the background.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A fresh account SID and auth token.</summary>
    public static PhoneNetworkSettings Settings(Uri? gatewayWebhook = null) => new()
    {
        AccountSid = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        AuthToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        GatewayWebhook = gatewayWebhook,
    };

    /// <summary>The SDK's REST client, as the Gateway builds it, sending to the network instead of api.twilio.com.</summary>
    public static TwilioRestClient Client(PhoneNetworkHost network, string? authToken = null) =>
        new(network.Settings.AccountSid, authToken ?? network.Settings.AuthToken, httpClient: new TwilioApiHttpClient(new HttpClient(), network.BaseAddress));

    /// <summary>Sends an SMS to <paramref name="to"/> through the Twilio SDK, from the service's number.</summary>
    public static Task<MessageResource> SendThroughSdkAsync(
        PhoneNetworkHost network, string? body, Uri? statusCallback = null, string to = Customer, string? authToken = null) =>
        MessageResource.CreateAsync(
            to: new PhoneNumber(to), from: new PhoneNumber(network.Settings.ServiceNumber), body: body, statusCallback: statusCallback, client: Client(network, authToken));
}
