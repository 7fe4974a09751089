using System.Text.Json;

namespace SmsVending.MeterEmulator.GatewayApi;

/// <summary>The keys and secrets the embedded Gateway writes to DIR/credentials.json (its own record is not referenced: the
/// emulator talks to the Gateway over HTTP only).</summary>
public sealed record GatewayCredentials(string AdminApiKey, string SupervisorApiKey, string AgentApiKey, string ManufacturingApiKey, string TwilioAccountSid,
    string TwilioAuthToken, string? MpesaCallbackSecret)
{
    /// <summary>Reads the file the Gateway wrote.</summary>
    public static GatewayCredentials Load(string file) =>
        JsonSerializer.Deserialize<GatewayCredentials>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException($"{file} holds no credentials");
}
