using System.CommandLine;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>`phones`: runs the phone network until stopped, answering the Twilio REST API and posting to the Gateway.</summary>
internal static class PhonesCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where the Twilio-compatible REST API listens", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var gateway = Url("--gateway", "The Gateway's base URL, e.g. http://127.0.0.1:5000");
        gateway.Required = true;
        var webhookPath = new Option<string>("--webhook-path") { Description = "The Gateway's inbound SMS webhook", DefaultValueFactory = _ => "/sms/twilio" };
        var publicUrl = Url("--public-url", "The webhook URL the Gateway validates signatures against, when it differs (a proxy)");
        var accountSid = new Option<string>("--account-sid") { Description = "The Twilio account SID clients authenticate as", Required = true };
        var authToken = new Option<string>("--auth-token") { Description = "The Twilio auth token (Basic password, signing key)", Required = true };
        var number = new Option<string>("--number") { Description = "The service's number (To of inbound SMS)", DefaultValueFactory = _ => "+15005550006" };
        var undelivered = new Option<double>("--undelivered-share") { Description = "Share (0 to 1) of messages that end undelivered (30003)" };
        var command = new Command("phones", "Run the Twilio-compatible phone network until stopped") { urls, gateway, webhookPath, publicUrl, accountSid, authToken, number, undelivered };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new PhoneNetworkSettings
            {
                AccountSid = result.GetRequiredValue(accountSid),
                AuthToken = result.GetRequiredValue(authToken),
                GatewayWebhook = new Uri(result.GetRequiredValue(gateway)!, result.GetRequiredValue(webhookPath)),
                GatewayPublicWebhook = result.GetValue(publicUrl),
                ServiceNumber = result.GetRequiredValue(number),
            };
            settings.Faults.UndeliveredShare = result.GetValue(undelivered);
            await using var network = await PhoneNetworkHost.StartAsync(settings, result.GetRequiredValue(urls), cancellationToken: cancellationToken);
            await Console.Out.WriteLineAsync($"Phone network: Twilio REST API at {network.BaseAddress}, inbound SMS to {settings.GatewayWebhook}");
            await network.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    internal static Option<Uri?> Url(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = argument =>
        {
            if (Uri.TryCreate(argument.Tokens[^1].Value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                return url;
            }

            argument.AddError($"{name} takes an absolute http(s) URL");
            return null;
        },
    };
}
