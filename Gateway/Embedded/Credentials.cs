using System.Security.Cryptography;
using System.Text.Json;

namespace SmsVending.Gateway.Embedded;

/// <summary>The embedded system's secrets: staff and admin API keys, the Twilio auth token of the emulated network and the M-Pesa
/// callback secret.</summary>
/// <remarks>Created at random on first start in DATA/credentials.json (owner-only) and reused afterwards; a secret added since the
/// file was written is generated and written back.</remarks>
public sealed record Credentials(string AdminApiKey, string SupervisorApiKey, string AgentApiKey, string ManufacturingApiKey, string TwilioAccountSid, string TwilioAuthToken,
    string? MpesaCallbackSecret = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The file's credentials, creating the file when it is missing.</summary>
    public static Credentials LoadOrCreate(string file)
    {
        if (File.Exists(file))
        {
            var stored = JsonSerializer.Deserialize<Credentials>(File.ReadAllText(file), Json)
                ?? throw new InvalidOperationException($"{file} holds no credentials");
            if (stored.MpesaCallbackSecret is not null)
            {
                return stored;
            }

            // Written before the M-Pesa secret existed: add it (truncating keeps the file's owner-only mode).
            stored = stored with { MpesaCallbackSecret = Secret() };
            File.WriteAllText(file, JsonSerializer.Serialize(stored, Json));
            return stored;
        }

        var credentials = new Credentials(Secret(), Secret(), Secret(), Secret(), "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Secret());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(file, options);
        JsonSerializer.Serialize(stream, credentials, Json);
        return credentials;
    }

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
