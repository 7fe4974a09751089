using System.Text.Json;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Registers the phone network: the Twilio-compatible REST API's services, the delivery worker and the inboxes.</summary>
internal static class PhoneNetworkServices
{
    public static IServiceCollection AddPhoneNetwork(this IServiceCollection services, PhoneNetworkSettings settings, TimeProvider time)
    {
        services.AddSingleton(settings);
        services.AddSingleton(time);
        services.AddSingleton<OutboundMessages>();
        services.AddSingleton<PhoneInbox>();
        services.AddHostedService<DeliveryWorker>();
        services.AddHttpClient<StatusCallbacks>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(nameof(EmulatedPhone), http => http.Timeout = TimeSpan.FromSeconds(30));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        // A log line per request would cost more than the request under load.
        services.AddLogging(logging => logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        return services;
    }
}
