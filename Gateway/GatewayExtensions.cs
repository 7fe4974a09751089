using MassTransit;
using SmsVending.Infrastructure.Messaging;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using SmsVending.Gateway.CallCentre;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Observability;
using SmsVending.Gateway.Payments;
using SmsVending.Gateway.Sms;
using SmsVending.Gateway.Sms.Outbound;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Storage;
using SmsVending.Gateway.Ussd;
using SmsVending.Gateway.Webhooks;

namespace SmsVending.Gateway;

/// <summary>Registers the Gateway: its message log and outbox, the channel handlers, and its metrics.</summary>
public static class GatewayExtensions
{
    /// <summary>Adds the Gateway's services; options come from the "Gateway" section and are checked at start.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section)).ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrEmpty(o.Twilio.AuthToken), "Gateway:Twilio:AuthToken is required: it checks every inbound webhook's signature")
            .Validate(o => o.Twilio.ApiBaseUrl is null || !string.IsNullOrEmpty(o.Twilio.AccountSid), "Gateway:Twilio:AccountSid is required to send SMS through Twilio")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GatewayOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<GatewayOptions>();
            return new GatewayDatabase(options.Provider, options.ConnectionString);
        });
        services.AddHostedService<GatewayStartup>(); // first: the schema exists before anything reads it
        services.AddSingleton<MessageLog>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<PhoneRateLimiter>();
        services.AddSingleton<Ir.IrRateLimiter>();
        services.AddSingleton<SmsTransport>(sp => sp.GetRequiredService<GatewayOptions>().Twilio.ApiBaseUrl is null
            ? new ConsoleSmsTransport()
            : ActivatorUtilities.CreateInstance<TwilioSmsTransport>(sp));
        services.AddSingleton<OpenPurchases>();
        services.AddScoped<PurchaseIntake>();
        services.AddScoped<SmsCommands>();
        services.AddKeyedScoped<IInboundHandler>(Channels.Sms, (sp, _) => sp.GetRequiredService<SmsCommands>());
        services.AddSingleton<ApiKeyRing>();
        services.AddSingleton<StaffAudit>();
        services.AddSingleton<MessageSearch>();
        services.AddScoped<StaffReplays>();
        services.AddScoped<TokenDecoding>();
        services.AddSingleton<ConsoleAssets>();
        services.AddSingleton<LiveStats>();
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(authorization =>
        {
            foreach (var (policy, roles) in StaffRoles.Policies)
            {
                authorization.AddPolicy(policy, p => p.RequireRole(roles));
            }
        });
        services.AddUssd(configuration);
        services.AddMpesa(configuration);
        services.AddHostedService<OutboxSender>();
        services.AddSingleton<InboundHandOff>();
        services.AddHostedService(provider => provider.GetRequiredService<InboundHandOff>());
        services.AddHostedService<InboundRedrive>();
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(GatewayMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
            if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                metrics.AddOtlpExporter();
            }
        });
        return services;
    }

    /// <summary>Adds the Gateway's consumers to a bus: inbound hand-off, and the outcomes that become SMS.</summary>
    public static IBusRegistrationConfigurator AddGatewayConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<InboundReceivedConsumer>(Retry);
        bus.AddConsumer<TokenIssuedConsumer>(Retry);
        bus.AddConsumer<PurchaseRejectedConsumer>(Retry);
        bus.AddConsumer<ChargeRequestedConsumer>(Retry);
        return bus;
    }

    // Transient faults (a busy or restarting database, a request timeout) are retried for about a minute; what still fails is re-driven later.
    private static void Retry<TConsumer>(IRegistrationContext context, IConsumerConfigurator<TConsumer> consumer) where TConsumer : class =>
        consumer.UseMessageRetry(ConsumerRetry.Configure);
}

/// <summary>Migrates the Gateway's schema before anything reads it.</summary>
internal sealed class GatewayStartup(GatewayDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        database.Migrate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
