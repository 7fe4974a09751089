using System.Text.Json;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>Where the demo runs: the Gateway, its credentials file, and where the demo's own phone network and mobile-money
/// provider listen (the Gateway's <c>Gateway:Twilio:ApiBaseUrl</c> and <c>Gateway:Mpesa:ApiBaseUrl</c> must point there).</summary>
public sealed record DemoSettings(Uri Gateway, DemoCredentials Credentials, string PhonesUrl = DemoSettings.DefaultPhonesUrl, string MoneyUrl = DemoSettings.DefaultMoneyUrl)
{
    /// <summary>The phone network's default address.</summary>
    public const string DefaultPhonesUrl = "http://127.0.0.1:5080";

    /// <summary>The mobile-money provider's default address.</summary>
    public const string DefaultMoneyUrl = "http://127.0.0.1:5090";

    /// <summary>The Daraja app the provider answers for; the Gateway runs with the same values (see the README's Demo section).</summary>
    public const string ShortCode = "174379", PassKey = "demo-pass-key", ConsumerKey = "demo-consumer-key", ConsumerSecret = "demo-consumer-secret";

    /// <summary>How long any one step may wait for an SMS or an answer.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The keys and secrets the embedded Gateway writes to DIR/credentials.json (its own record is not referenced: the
/// emulator talks to the Gateway over HTTP only).</summary>
public sealed record DemoCredentials(string AdminApiKey, string SupervisorApiKey, string AgentApiKey, string ManufacturingApiKey, string TwilioAccountSid,
    string TwilioAuthToken, string? MpesaCallbackSecret)
{
    /// <summary>Reads the file the Gateway wrote.</summary>
    public static DemoCredentials Load(string file) =>
        JsonSerializer.Deserialize<DemoCredentials>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException($"{file} holds no credentials");
}
