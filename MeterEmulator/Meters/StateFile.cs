using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>An emulated meter's or device's state as a JSON file, replaced atomically (write a temporary file, then rename).</summary>
public static class StateFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reads a state file.</summary>
    public static T Load<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new JsonException($"{path} holds no state");
    }

    /// <summary>Writes a state file so that a reader sees the old state or the new one, never half of one.</summary>
    public static void Save<T>(string path, T state)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, state, Options);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Serialises a value as one line of JSON (for --json output).</summary>
    public static string OneLine(object value) => JsonSerializer.Serialize(value, CompactOptions);

    private static readonly JsonSerializerOptions CompactOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
