using System.CommandLine;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>`money`: runs the mobile-money provider until stopped, answering Daraja's OAuth and STK push API.</summary>
internal static class MoneyCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where the Daraja-compatible API listens", DefaultValueFactory = _ => "http://127.0.0.1:5090" };
        var gateway = PhoneNetwork.PhonesCommand.Url("--gateway", "The Gateway's base URL, e.g. http://127.0.0.1:5000 (C2B callbacks go there)");
        gateway.Required = true;
        var secret = new Option<string>("--callback-secret") { Description = "The Gateway's Gateway:Mpesa:CallbackSecret", Required = true };
        var shortCode = new Option<string>("--short-code") { Description = "The paybill", DefaultValueFactory = _ => "174379" };
        var passKey = new Option<string>("--pass-key") { Description = "The Lipa na M-Pesa Online passkey", DefaultValueFactory = _ => "emulator-passkey" };
        var consumerKey = new Option<string>("--consumer-key") { Description = "The Daraja app's consumer key", DefaultValueFactory = _ => "emulator-key" };
        var consumerSecret = new Option<string>("--consumer-secret") { Description = "The Daraja app's consumer secret", DefaultValueFactory = _ => "emulator-secret" };
        var behaviour = new Option<CustomerBehaviour>("--behaviour") { Description = "What customers do on an STK prompt unless set per phone (PUT /emulator/customers/{phone})" };
        var balance = new Option<decimal>("--opening-balance") { Description = "Each wallet's balance until set", DefaultValueFactory = _ => 100_000m };
        balance.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<decimal>() < 0)
            {
                r.AddError("--opening-balance takes an amount of 0 or more");
            }
        });
        var command = new Command("money", "Run the Daraja-compatible mobile-money provider until stopped")
        {
            urls, gateway, secret, shortCode, passKey, consumerKey, consumerSecret, behaviour, balance,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new MobileMoneySettings
            {
                ConsumerKey = result.GetRequiredValue(consumerKey), ConsumerSecret = result.GetRequiredValue(consumerSecret), PassKey = result.GetRequiredValue(passKey),
                ShortCode = result.GetRequiredValue(shortCode), Gateway = result.GetRequiredValue(gateway), CallbackSecret = result.GetRequiredValue(secret),
            };
            settings.Customers.DefaultBehaviour = result.GetValue(behaviour);
            settings.Customers.OpeningBalance = result.GetValue(balance);
            await using var money = await MobileMoneyHost.StartAsync(settings, result.GetRequiredValue(urls), cancellationToken: cancellationToken);
            await Console.Out.WriteLineAsync($"Mobile money: Daraja API at {money.BaseAddress} (paybill {settings.ShortCode}), C2B callbacks to {settings.Gateway}");
            await money.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
