using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace SmsVending.Gateway.CallCentre;

/// <summary>The console's page, scripts and style sheet, embedded in the Gateway's assembly (CallCentre/wwwroot) so the console
/// works wherever the Gateway runs, with nothing fetched from outside.</summary>
internal sealed class ConsoleAssets
{
    private const string Prefix = "console/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript; charset=utf-8", [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private readonly Dictionary<string, Asset> assets = [];

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            assets[name[Prefix.Length..]] = new Asset(content, ContentTypes[Path.GetExtension(name)],
                new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\""));
        }

        if (!assets.ContainsKey(IndexName))
        {
            throw new InvalidOperationException($"the console's {IndexName} is not embedded in {assembly.GetName().Name}");
        }
    }

    /// <summary>The page itself.</summary>
    public const string IndexName = "index.html";

    /// <summary>The asset by file name, or null.</summary>
    public Asset? Find(string name) => assets.GetValueOrDefault(name);

    /// <summary>One file: its bytes, content type and entity tag.</summary>
    public sealed record Asset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);
}
