namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>Registers the mobile-money provider: the Daraja API's services, the customers' worker and the callback client.</summary>
internal static class MobileMoneyServices
{
    public static IServiceCollection AddMobileMoney(this IServiceCollection services, MobileMoneySettings settings, TimeProvider time)
    {
        services.AddSingleton(settings);
        services.AddSingleton(time);
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<StkPushes>();
        services.AddSingleton<LateAnswers>();
        services.AddSingleton<C2bSender>();
        services.AddHostedService<CustomerWorker>();
        // Daraja gives a callback about 8 seconds.
        services.AddHttpClient<CallbackPoster>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddLogging(logging => logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        return services;
    }
}
