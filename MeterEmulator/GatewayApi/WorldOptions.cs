using System.CommandLine;

namespace SmsVending.MeterEmulator.GatewayApi;

/// <summary>The options every command that drives a running Gateway takes: <c>--gateway URL --credentials FILE
/// [--phones-url URL] [--money-url URL]</c>.</summary>
internal sealed class WorldOptions
{
    private readonly Option<Uri?> gateway = PhoneNetwork.PhonesCommand.Url("--gateway", "The Gateway's base URL, e.g. http://127.0.0.1:5000");
    private readonly Option<FileInfo> credentials = new("--credentials")
    {
        Description = "The Gateway's DIR/credentials.json (API keys, Twilio token, M-Pesa secret)", Required = true,
    };

    private readonly Option<string> phones = new("--phones-url", "--phone-network-url")
    {
        Description = "Where this run's phone network listens (the Gateway's Gateway:Twilio:ApiBaseUrl)", DefaultValueFactory = _ => OutsideWorld.DefaultPhonesUrl,
    };

    private readonly Option<string> money = new("--money-url")
    {
        Description = "Where this run's M-Pesa provider listens (the Gateway's Gateway:Mpesa:ApiBaseUrl)", DefaultValueFactory = _ => OutsideWorld.DefaultMoneyUrl,
    };

    public WorldOptions() => gateway.Required = true;

    public void AddTo(Command command)
    {
        command.Options.Add(gateway);
        command.Options.Add(credentials);
        command.Options.Add(phones);
        command.Options.Add(money);
    }

    /// <summary>The parsed values, or null after printing why the credentials file cannot be used.</summary>
    public async Task<(Uri Gateway, GatewayCredentials Credentials, string PhonesUrl, string MoneyUrl)?> ReadAsync(ParseResult result, TextWriter error)
    {
        var file = result.GetRequiredValue(credentials);
        if (!file.Exists)
        {
            await error.WriteLineAsync($"error: --credentials: {file.FullName} does not exist (the Gateway writes DIR/credentials.json on its first start)");
            return null;
        }

        try
        {
            return (result.GetRequiredValue(gateway)!, GatewayCredentials.Load(file.FullName), result.GetRequiredValue(phones), result.GetRequiredValue(money));
        }
        catch (System.Text.Json.JsonException e)
        {
            await error.WriteLineAsync($"error: --credentials: {file.FullName} is not the Gateway's credentials file: {e.Message}");
            return null;
        }
    }
}
