using Microsoft.Extensions.Options;
using SmsVending.Gateway.Messages;

namespace SmsVending.Gateway.Payments;

/// <summary>The M-Pesa channel's registrations, called from <see cref="GatewayExtensions.AddGateway"/>.</summary>
internal static class MpesaServices
{
    public static IServiceCollection AddMpesa(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MpesaOptions>().Bind(configuration.GetSection(MpesaOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.CallbackSecret is { Length: >= 16 }, "Gateway:Mpesa:CallbackSecret (16 characters or more) is required: it authenticates M-Pesa's callbacks")
            .Validate(o => o.Networks() is not null, "Gateway:Mpesa:AllowedSources must be IP addresses or CIDR ranges")
            .Validate(o => o.ApiBaseUrl is null || new[] { o.ShortCode, o.PassKey, o.ConsumerKey, o.ConsumerSecret }.All(s => !string.IsNullOrEmpty(s)),
                "Gateway:Mpesa:ShortCode, PassKey, ConsumerKey and ConsumerSecret are required for STK pushes (Gateway:Mpesa:ApiBaseUrl is set)")
            .Validate<IOptions<GatewayOptions>>((o, gateway) => o.ApiBaseUrl is null || gateway.Value.PublicBaseUrl is not null,
                "Gateway:PublicBaseUrl is required for STK pushes: Daraja calls back at it")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MpesaOptions>>().Value);
        services.AddHttpClient(DarajaClient.HttpClientName);
        services.AddSingleton<DarajaClient>();
        services.AddSingleton<StkRequests>();
        services.AddSingleton<StkPush>();
        services.AddKeyedScoped<IInboundHandler, C2bPayments>(Channels.MpesaC2b);
        services.AddKeyedScoped<IInboundHandler, StkCallbacks>(Channels.MpesaStk);
        return services;
    }
}
