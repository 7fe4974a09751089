using System.CommandLine;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>`demo --gateway URL --credentials FILE [--phones-url URL] [--money-url URL]`: tells the demo story against a running Gateway.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var gateway = PhoneNetwork.PhonesCommand.Url("--gateway", "The Gateway's base URL, e.g. http://127.0.0.1:5000");
        gateway.Required = true;
        var credentials = new Option<FileInfo>("--credentials") { Description = "The Gateway's DIR/credentials.json (API keys, Twilio token, M-Pesa secret)", Required = true };
        var phones = new Option<string>("--phones-url", "--phone-network-url")
        {
            Description = "Where the demo's phone network listens (the Gateway's Gateway:Twilio:ApiBaseUrl)", DefaultValueFactory = _ => DemoSettings.DefaultPhonesUrl,
        };
        var money = new Option<string>("--money-url")
        {
            Description = "Where the demo's M-Pesa provider listens (the Gateway's Gateway:Mpesa:ApiBaseUrl)", DefaultValueFactory = _ => DemoSettings.DefaultMoneyUrl,
        };
        var command = new Command("demo", "Tell the demo story against a running Gateway: link, pay, buy by SMS and USSD, replay, resend") { gateway, credentials, phones, money };
        command.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetRequiredValue(credentials);
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"error: --credentials: {file.FullName} does not exist (the Gateway writes DIR/credentials.json on its first start)");
                return 2;
            }

            var settings = new DemoSettings(result.GetRequiredValue(gateway)!, DemoCredentials.Load(file.FullName), result.GetRequiredValue(phones), result.GetRequiredValue(money));
            return await DemoStory.RunAsync(settings, Console.Out, TimeProvider.System, cancellationToken);
        });
        return command;
    }
}
