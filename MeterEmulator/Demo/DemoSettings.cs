using SmsVending.MeterEmulator.GatewayApi;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>Where the demo runs: the Gateway, its credentials file, and where the demo's own phone network and mobile-money
/// provider listen (the Gateway's <c>Gateway:Twilio:ApiBaseUrl</c> and <c>Gateway:Mpesa:ApiBaseUrl</c> must point there).</summary>
public sealed record DemoSettings(Uri Gateway, GatewayCredentials Credentials, string PhonesUrl = OutsideWorld.DefaultPhonesUrl, string MoneyUrl = OutsideWorld.DefaultMoneyUrl)
{
    /// <summary>How long any one step may wait for an SMS or an answer.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Draws the story's meter, registration code and phone from this seed (the same numbers first on every run); null
    /// draws them from the system's random source. Numbers the Gateway has on record already are drawn again either way.</summary>
    public int? Seed { get; init; }
}
