using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.KeyAuthority.Keys;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>Opens the key store for a command: an embedded store by --data, else the configuration (appsettings.json, environment).</summary>
internal sealed class StoreOptions(TimeProvider time)
{
    private readonly Option<string> data = new("--data")
    {
        Description = "Folder of an embedded store (keyauthority.db, master.key created when missing); without it, configuration decides",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object" };

    public void AddTo(Command command)
    {
        command.Options.Add(data);
        command.Options.Add(Json);
    }

    /// <summary>The configuration the services run with: KeyAuthority__* environment variables override appsettings.json; --data overrides both.</summary>
    public IConfiguration Configuration(ParseResult result, IEnumerable<string>? extra = null)
    {
        var settings = new Dictionary<string, string?>();
        if (result.GetValue(data) is { } folder)
        {
            settings["KeyAuthority:Provider"] = nameof(DatabaseProvider.Sqlite);
            settings["KeyAuthority:ConnectionString"] = $"Data Source={Path.Combine(folder, "keyauthority.db")}";
            settings["KeyAuthority:MasterKeyFile"] = Path.Combine(folder, "master.key");
            settings["KeyAuthority:CreateMasterKey"] = "true";
        }

        return new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .AddCommandLine([.. extra ?? []])
            .Build();
    }

    /// <summary>The KeyAuthority's services over a migrated store whose master key has been proven.</summary>
    public async Task<ServiceProvider> OpenAsync(ParseResult result)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(time);
        services.AddKeyAuthority(Configuration(result));
        var provider = services.BuildServiceProvider();
        await KeyAuthorityStartup.RunAsync(provider.GetRequiredService<KeyAuthorityDatabase>(), provider.GetRequiredService<KeySealer>());
        return provider;
    }
}
