using Microsoft.Extensions.Options;
using SmsVending.Gateway.Messages;

namespace SmsVending.Gateway.Ussd;

/// <summary>The USSD channel's registrations, called from <see cref="GatewayExtensions.AddGateway"/>.</summary>
internal static class UssdServices
{
    public static IServiceCollection AddUssd(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UssdOptions>().Bind(configuration.GetSection(UssdOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Networks() is not null, "Gateway:Ussd:AllowedSources must be IP addresses or CIDR ranges")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<UssdOptions>>().Value);
        services.AddSingleton<UssdSessions>();
        services.AddScoped<UssdMenu>(); // it asks Vending through MassTransit's scoped request client
        services.AddKeyedScoped<IInboundHandler, UssdPurchases>(Channels.Ussd);
        services.AddHostedService<UssdSessionSweeper>();
        return services;
    }
}
