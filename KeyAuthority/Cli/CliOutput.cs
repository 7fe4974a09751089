using System.Text.Json;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>Writes a command's answer as readable lines or, with --json, as one JSON object.</summary>
internal sealed class CliOutput(TextWriter writer, bool json)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public void Write(object jsonShape, params IEnumerable<string> lines)
    {
        if (json)
        {
            writer.WriteLine(JsonSerializer.Serialize(jsonShape, Options));
            return;
        }

        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }
}
