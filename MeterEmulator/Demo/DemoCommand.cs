using System.CommandLine;
using SmsVending.MeterEmulator.GatewayApi;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>`demo --gateway URL --credentials FILE [--phones-url URL] [--money-url URL] [--seed N]`: tells the demo story against a running Gateway.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var world = new WorldOptions();
        var command = new Command("demo", "Tell the demo story against a running Gateway: link, pay, buy by SMS and USSD, replay, resend");
        world.AddTo(command);
        var seed = new Option<int?>("--seed") { Description = "Seeds the story's meter, registration code and phone (default: random)" };
        command.Options.Add(seed);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (await world.ReadAsync(result, Console.Error) is not var (gateway, credentials, phones, money))
            {
                return 2;
            }

            return await DemoStory.RunAsync(new DemoSettings(gateway, credentials, phones, money) { Seed = result.GetValue(seed) }, Console.Out, TimeProvider.System, cancellationToken);
        });
        return command;
    }
}
