using SmsVending.Infrastructure.Credentials;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmsVending.KeyAuthority.Audit;
using SmsVending.KeyAuthority.Credentials;
using SmsVending.KeyAuthority.Decoding;
using SmsVending.KeyAuthority.Ir;
using SmsVending.KeyAuthority.Issuance;
using SmsVending.KeyAuthority.KeyChanges;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Messaging;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority;

/// <summary>Registers the KeyAuthority: in its own process (serve), in the CLI, or hosted by the embedded Gateway.</summary>
public static class KeyAuthorityExtensions
{
    /// <summary>Adds the KeyAuthority's services; options come from the "KeyAuthority" section and are checked at start.</summary>
    public static IServiceCollection AddKeyAuthority(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyAuthorityOptions>().Bind(configuration.GetSection(KeyAuthorityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<KeyAuthorityOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<KeyAuthorityOptions>();
            return new KeyAuthorityDatabase(options.Provider, options.ConnectionString);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<KeyAuthorityOptions>();
            var masterKey = options.CreateMasterKey && options.MasterKeyFile is { } file ? MasterKey.LoadOrCreate(file) : MasterKey.Load(options.MasterKeyFile);
            return new KeySealer(masterKey);
        });
        services.AddSingleton(_ => new CredentialHasher());
        services.AddSingleton<VendingKeyStore>();
        services.AddSingleton<MeterRegistrations>();
        services.AddSingleton<MeterStore>();
        services.AddSingleton<CredentialVerifier>();
        services.AddSingleton<KeyChangeScheduler>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<OpenPaygoTokenMaker>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<ManufacturingExport>();
        services.AddSingleton<IssuanceRecords>();
        services.AddSingleton<StaffTokenDecoder>();
        services.AddSingleton<HostIdentity>();
        services.AddSingleton<MeterIdentities>();
        services.AddSingleton<IrSessionStore>();
        services.AddSingleton<IrHost>();
        services.AddHostedService<KeyAuthorityStartup>();
        services.AddSingleton<IrSessionSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<IrSessionSweeper>());
        return services;
    }

    /// <summary>Adds the KeyAuthority's consumers to a bus (RabbitMQ when it serves alone, in-memory when embedded).</summary>
    public static IBusRegistrationConfigurator AddKeyAuthorityConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<IssueTokenConsumer, IssueTokenConsumerDefinition>();
        bus.AddConsumer<RegisterMeterKeyConsumer>();
        bus.AddConsumer<VerifyMeterCredentialConsumer>();
        bus.AddConsumer<ExportMeterKeyConsumer>();
        bus.AddConsumer<ImportMeterKeysConsumer>();
        bus.AddConsumer<DecodeTokenConsumer>();
        bus.AddConsumer<RelayIrFrameConsumer>();
        bus.AddConsumer<IrPurchaseOutcomeConsumer>();
        bus.AddConsumer<RegisterMeterIdentityConsumer>();
        return bus;
    }
}
