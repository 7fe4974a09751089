using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using SmsVending.MeterEmulator.GatewayApi;
using Spectre.Console;

namespace SmsVending.MeterEmulator.Load;

/// <summary>`load --gateway URL --credentials FILE --customers N --purchases M [--rate R|max] [--concurrency C]
/// [--duplicate-rate P] [--garbage-rate P] [--ir-share P] [--amount A] [--reply-timeout S] [--warmup W] [--seed N] [--json]`.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var world = new WorldOptions();
        var customers = Whole("--customers", "Customers to provision, each a new phone with a new meter (1 to 99999)", 1, 99_999, required: true);
        var purchases = Whole("--purchases", "Purchase SMS to send, spread evenly over the customers", 1, 10_000_000, required: true);
        var concurrency = Whole("--concurrency", "Phones texting at once; each waits for its answer before it texts again", 1, 100_000, defaultValue: 64);
        var rate = new Option<double?>("--rate") { Description = "Purchases started per second, or max (default): as fast as answers come", CustomParser = ParseRate };
        var duplicates = Share("--duplicate-rate", "Share (0 to 1) of purchase webhooks posted twice with the same MessageSid, as Twilio retries");
        var garbage = Share("--garbage-rate", "Share (0 to 1) of purchases preceded by a garbage SMS that must get a help answer");
        var infrared = Share("--ir-share", "Share (0 to 1) of purchases made over the infrared session (the meter credits itself)");
        var amount = new Option<decimal>("--amount") { Description = "What each purchase buys, in the wallet's currency", DefaultValueFactory = _ => 200m };
        amount.Validators.Add(r => { if (r.GetValueOrDefault<decimal>() <= 0) { r.AddError("--amount must be more than 0"); } });
        var timeout = Whole("--reply-timeout", "Seconds a phone waits for its answer", 1, 3600, defaultValue: 30);
        var warmup = Whole("--warmup", "Purchases before the measured window: checked like the rest, left out of throughput and latency", 0, 10_000_000);
        var seed = new Option<int?>("--seed") { Description = "Seeds the choice of duplicates and garbage (default: random)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (no progress bars)" };
        var command = new Command("load", "Provision customers through a running Gateway, send purchase SMS, key every token into an emulated meter, report")
        {
            customers, purchases, rate, concurrency, duplicates, garbage, infrared, amount, timeout, warmup, seed, json,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(warmup) is > 0 and var w && r.GetValue(purchases) is var n && w >= n)
            {
                r.AddError($"--warmup must be fewer than --purchases ({n}), not {w}");
            }
        });
        world.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (await world.ReadAsync(result, Console.Error) is not var (gateway, credentials, phones, money))
            {
                return 2;
            }

            var settings = new LoadSettings(gateway, credentials, result.GetRequiredValue(customers), result.GetRequiredValue(purchases))
            {
                PhonesUrl = phones, MoneyUrl = money, Rate = result.GetValue(rate), Concurrency = result.GetRequiredValue(concurrency),
                DuplicateRate = result.GetValue(duplicates), GarbageRate = result.GetValue(garbage), IrShare = result.GetValue(infrared), Amount = result.GetRequiredValue(amount),
                ReplyTimeout = TimeSpan.FromSeconds(result.GetRequiredValue(timeout)), Warmup = result.GetValue(warmup), Seed = result.GetValue(seed) ?? RandomNumberGenerator.GetInt32(int.MaxValue),
            };
            return await RunAsync(settings, result.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(LoadSettings settings, bool json, CancellationToken cancellationToken)
    {
        LoadReport report;
        try
        {
            report = json || !AnsiConsole.Profile.Capabilities.Interactive
                ? await LoadRun.RunAsync(settings, TimeProvider.System, null, cancellationToken)
                : await AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                        new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(context => LoadRun.RunAsync(settings, TimeProvider.System, new ProgressObserver(context), cancellationToken));
        }
        catch (Exception e) when (e is GatewayRefusedException or Ir.IrEnrolmentException or TimeoutException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"error: the load run could not provision its customers: {e.Message}");
            return 1;
        }

        if (json)
        {
            await Console.Out.WriteLineAsync(report.ToJson());
        }
        else
        {
            LoadTable.Write(report, AnsiConsole.Console);
        }

        return report.ExitCode;
    }

    private static Option<int> Whole(string name, string description, int min, int max, bool required = false, int defaultValue = 0)
    {
        var option = new Option<int>(name) { Description = description, Required = required };
        if (!required)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var value && (value < min || value > max))
            {
                r.AddError($"{name} must be from {min} to {max}, not {value}");
            }
        });
        return option;
    }

    private static Option<double> Share(string name, string description)
    {
        var option = new Option<double>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var value && value is not (>= 0 and <= 1))
            {
                r.AddError($"{name} is a share from 0 to 1, not {value.ToString(CultureInfo.InvariantCulture)}");
            }
        });
        return option;
    }

    private static double? ParseRate(System.CommandLine.Parsing.ArgumentResult argument)
    {
        var text = argument.Tokens[^1].Value;
        if (text.Equals("max", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && double.IsFinite(rate))
        {
            return rate;
        }

        argument.AddError($"--rate takes purchases per second (more than 0) or max, not '{text}'");
        return null;
    }
}
