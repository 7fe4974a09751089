using System.Text.Json;
using SmsVending.Distributed.Tests.Support;

namespace SmsVending.Distributed.Tests.Deploy;

/// <summary>Reads YAML files as JSON through python3's yaml module (safe_load: merge keys, no tags); ops/test.sh installs python3-yaml.</summary>
internal static class Yaml
{
    private const string ToJson = "import json, sys, yaml; json.dump(list(yaml.safe_load_all(open(sys.argv[1]))), sys.stdout)";

    /// <summary>Every document in the file, in order.</summary>
    public static async Task<IReadOnlyList<JsonElement>> DocumentsAsync(string path)
    {
        var run = await Command.RunAsync("python3", ["-c", ToJson, path], new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, $"{path} is not valid YAML (or python3-yaml is missing: ops/test.sh installs it), {run}");
        return [.. JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Where(d => d.ValueKind != JsonValueKind.Null).Select(d => d.Clone())];
    }
}
