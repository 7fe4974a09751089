using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmsVending.Distributed.Tests.Deploy;

/// <summary>ops/deploy/kubernetes/ parses, and its objects fit together: what kustomization lists, the Secret and ConfigMap keys the
/// containers read, the Services' selectors and ports, the image's entry points, and the same settings as docker-compose.yml.</summary>
public sealed partial class KubernetesTests
{
    private static readonly string Folder = Path.Combine(Deployment.Folder, "kubernetes");

    [Fact]
    public async Task Kustomization_ListsEveryManifestInTheFolder()
    {
        var kustomization = Assert.Single(await Yaml.DocumentsAsync(Path.Combine(Folder, "kustomization.yaml")));

        var listed = kustomization.GetProperty("resources").EnumerateArray().Select(r => r.GetString()!).Order();

        Assert.Equal(Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(), listed);
    }

    [Fact]
    public async Task Manifests_EveryReference_FindsWhatItNames()
    {
        var objects = await ObjectsAsync();
        var secrets = Keys(objects, "Secret", "stringData");
        var configMaps = Keys(objects, "ConfigMap", "data");
        var workloads = objects.Where(o => Kind(o) is "Deployment" or "StatefulSet").ToList();

        Assert.All(objects, o => Assert.False(string.IsNullOrEmpty(o.GetProperty("metadata").GetProperty("name").GetString())));
        foreach (var container in workloads.SelectMany(Containers))
        {
            var defined = new List<string>();
            foreach (var variable in Env(container))
            {
                if (variable.TryGetProperty("valueFrom", out var from))
                {
                    var (kind, reference) = from.TryGetProperty("secretKeyRef", out var s) ? ("Secret", s) : ("ConfigMap", from.GetProperty("configMapKeyRef"));
                    var key = $"{reference.GetProperty("name").GetString()}/{reference.GetProperty("key").GetString()}";
                    Assert.True((kind == "Secret" ? secrets : configMaps).Contains(key), $"{Name(variable)} reads the {kind} key {key}, which no manifest defines");
                }
                else
                {
                    // Kubernetes expands $(NAME) only for variables defined above it in the same container.
                    Assert.All(Dependent().Matches(variable.GetProperty("value").GetString()!), m => Assert.Contains(m.Groups[1].Value, defined));
                }

                defined.Add(Name(variable));
            }
        }

        foreach (var service in objects.Where(o => Kind(o) == "Service"))
        {
            var selector = service.GetProperty("spec").GetProperty("selector").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            var target = workloads.SingleOrDefault(w => selector.All(s => Labels(w).TryGetValue(s.Key, out var v) && v == s.Value));
            Assert.True(target.ValueKind != JsonValueKind.Undefined, $"Service {Name(service)} selects no workload");
            var ports = Containers(target).SelectMany(c => c.TryGetProperty("ports", out var p) ? p.EnumerateArray() : []).Select(p => p.GetProperty("containerPort").GetInt32());
            Assert.All(service.GetProperty("spec").GetProperty("ports").EnumerateArray(),
                p => Assert.Contains((p.TryGetProperty("targetPort", out var t) ? t : p.GetProperty("port")).GetInt32(), ports));
        }
    }

    [Fact]
    public async Task Services_RunPublishedEntryPointsWithTheSettingsComposeGivesThem()
    {
        var objects = await ObjectsAsync();
        var compose = Assert.Single(await Yaml.DocumentsAsync(Path.Combine(Deployment.Folder, "docker-compose.yml"))).GetProperty("services");
        var dlls = Deployment.PublishedDlls();

        foreach (var service in Deployment.Services)
        {
            var deployment = objects.Single(o => Kind(o) == "Deployment" && Name(o) == service.ToLowerInvariant());
            var container = Assert.Single(Containers(deployment));
            var settings = Env(container).Select(Name).Where(n => n.Contains("__", StringComparison.Ordinal) || n.StartsWith("SMSVENDING_", StringComparison.Ordinal));

            Assert.Equal(dlls[service], container.GetProperty("command")[1].GetString());
            Assert.Equal(compose.GetProperty(service.ToLowerInvariant()).GetProperty("environment").EnumerateObject().Select(p => p.Name).Order(), settings.Order());
        }
    }

    private static async Task<List<JsonElement>> ObjectsAsync()
    {
        var objects = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml"))
        {
            objects.AddRange(await Yaml.DocumentsAsync(file));
        }

        Assert.All(objects, o => Assert.True(o.TryGetProperty("apiVersion", out _) && o.TryGetProperty("kind", out _), "every object has apiVersion and kind"));
        return objects;
    }

    private static HashSet<string> Keys(List<JsonElement> objects, string kind, string section) =>
        [.. objects.Where(o => Kind(o) == kind).SelectMany(o => o.GetProperty(section).EnumerateObject().Select(p => $"{Name(o)}/{p.Name}"))];

    private static string Kind(JsonElement o) => o.GetProperty("kind").GetString()!;

    private static string Name(JsonElement o) => o.TryGetProperty("metadata", out var m) ? m.GetProperty("name").GetString()! : o.GetProperty("name").GetString()!;

    private static IEnumerable<JsonElement> Containers(JsonElement workload) =>
        workload.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers").EnumerateArray();

    private static IEnumerable<JsonElement> Env(JsonElement container) => container.TryGetProperty("env", out var env) ? env.EnumerateArray() : [];

    private static Dictionary<string, string?> Labels(JsonElement workload) =>
        workload.GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

    [GeneratedRegex(@"\$\((\w+)\)")]
    private static partial Regex Dependent();
}
