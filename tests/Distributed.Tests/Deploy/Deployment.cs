using System.Text.RegularExpressions;
using SmsVending.Distributed.Tests.Support;

namespace SmsVending.Distributed.Tests.Deploy;

/// <summary>What ops/deploy/ says beyond its YAML: the image's published services and the secrets compose expects.</summary>
internal static partial class Deployment
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "ops", "deploy");

    /// <summary>The three services of the distributed system, as they name their configuration sections.</summary>
    public static readonly string[] Services = ["Gateway", "Vending", "KeyAuthority"];

    /// <summary>Each service's entry assembly in the image, from the Dockerfile's `dotnet publish PROJECT -c Release -o DIR`.</summary>
    public static IReadOnlyDictionary<string, string> PublishedDlls() =>
        Publish().Matches(File.ReadAllText(Path.Combine(Folder, "Dockerfile")))
            .ToDictionary(m => m.Groups[1].Value, m => $"{m.Groups[2].Value}/SmsVending.{m.Groups[1].Value}.dll");

    /// <summary>The variables .env.example defines.</summary>
    public static IReadOnlySet<string> EnvironmentExample() =>
        File.ReadAllLines(Path.Combine(Folder, ".env.example")).Where(l => l.Contains('=') && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=')]).ToHashSet();

    /// <summary>The databases postgres-init.sql creates.</summary>
    public static IReadOnlySet<string> InitialDatabases(string sql) => CreateDatabase().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>The database a connection string names.</summary>
    public static string DatabaseOf(string connectionString) => DatabaseSetting().Match(connectionString).Groups[1].Value;

    [GeneratedRegex(@"dotnet publish (\w+) -c Release -o (/app/\w+)")]
    private static partial Regex Publish();

    [GeneratedRegex(@"CREATE DATABASE (\w+);")]
    private static partial Regex CreateDatabase();

    [GeneratedRegex(@"Database=(\w+)")]
    private static partial Regex DatabaseSetting();
}
