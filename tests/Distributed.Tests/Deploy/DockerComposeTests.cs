using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmsVending.Distributed.Tests.Deploy;

/// <summary>ops/deploy/docker-compose.yml parses and fits the image, the secrets file and the database script next to it.</summary>
public sealed partial class DockerComposeTests
{
    [Fact]
    public async Task Compose_EveryService_RunsAPublishedEntryPointOnTheBusAndItsOwnDatabase()
    {
        var services = (await ComposeAsync()).GetProperty("services");
        var dlls = Deployment.PublishedDlls();
        var databases = Deployment.InitialDatabases(File.ReadAllText(Path.Combine(Deployment.Folder, "postgres-init.sql")));

        Assert.True(services.TryGetProperty("postgres", out _) && services.TryGetProperty("rabbitmq", out _), "postgres and rabbitmq are part of it");
        foreach (var service in Deployment.Services)
        {
            var definition = services.GetProperty(service.ToLowerInvariant());
            var environment = definition.GetProperty("environment");
            Assert.Equal(dlls[service], definition.GetProperty("command")[1].GetString());
            Assert.True(File.Exists(Path.Combine(Deployment.Folder, definition.GetProperty("build").GetProperty("context").GetString()!,
                definition.GetProperty("build").GetProperty("dockerfile").GetString()!)), $"{service}: the Dockerfile it builds from");
            Assert.StartsWith("amqp://", environment.GetProperty("Bus__RabbitMq").GetString());
            Assert.Equal("Postgres", environment.GetProperty($"{service}__Provider").GetString());
            Assert.Contains(Deployment.DatabaseOf(environment.GetProperty($"{service}__ConnectionString").GetString()!), databases);
        }

        Assert.True(services.GetProperty("vending").GetProperty("deploy").GetProperty("replicas").GetInt32() >= 2, "Vending scales out");
        Assert.True(services.GetProperty("keyauthority").GetProperty("deploy").GetProperty("replicas").GetInt32() >= 2, "the KeyAuthority scales out");
    }

    [Fact]
    public async Task Compose_EverySecretItUses_IsInTheExampleEnvironmentFile()
    {
        var text = File.ReadAllText(Path.Combine(Deployment.Folder, "docker-compose.yml"));
        await ComposeAsync(); // it parses

        var used = Variable().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(Deployment.EnvironmentExample()));
    }

    private static async Task<JsonElement> ComposeAsync() => Assert.Single(await Yaml.DocumentsAsync(Path.Combine(Deployment.Folder, "docker-compose.yml")));

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex Variable();
}
