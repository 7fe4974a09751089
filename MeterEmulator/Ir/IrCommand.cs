using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.MeterEmulator.GatewayApi;
using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Ir;

/// <summary>`ir enrol|buy`: the IR path against a running Gateway. `buy` runs one purchase over an emulated IR port and a phone relay;
/// the meter credits itself, nothing is keyed by hand.</summary>
public static class IrCommand
{
    /// <summary>The `ir` command and its subcommands, printing to the given writers.</summary>
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time) =>
        new("ir", "The infrared two-way session: the meter and the sales host authenticate each other through a relaying phone")
        {
            Enrol(output, error), Buy(output, error, time),
        };

    private static Command Enrol(TextWriter output, TextWriter error)
    {
        var options = new Common();
        var command = new Command("enrol", "The factory step: register the meter's IR identity key and load the host key it trusts");
        options.AddTo(command);
        EmulatorCli.SetAction(command, error, async (result, cancellationToken) =>
        {
            var (path, credentials, http) = options.Read(result);
            using (http)
            {
                var meter = await IrEnrolment.EnrolAsync(http, credentials.ManufacturingApiKey, EmulatorCli.LoadState<StsMeterState>(path, "meter new"), cancellationToken);
                StateFile.Save(path, meter);
                output.WriteLine($"meter {meter.MeterNumber} enrolled for IR sessions; host key {meter.IrHostKey}");
                return 0;
            }
        });
        return command;
    }

    private static Command Buy(TextWriter output, TextWriter error, TimeProvider time)
    {
        var options = new Common();
        var amount = new Option<string>("--amount") { Description = "How much money to spend, e.g. 500" };
        var phone = new Option<string>("--phone") { Description = "The buyer's phone (default: the meter's owner, from the admin API)" };
        var pin = new Option<string>("--pin") { Description = "The buyer's PIN, where one is set" };
        var tamper = new Option<string>("--tamper-frame") { Description = "Fault injection: flip one bit of frame 1..4 on the relay; the meter or host must refuse it" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("buy", "Buy over the IR path: the meter signs the request, the host confirms, the meter credits itself") { amount, phone, pin, tamper, json };
        options.AddTo(command);
        EmulatorCli.SetAction(command, error, async (result, cancellationToken) =>
        {
            var money = OptionText.Decimal("--amount", EmulatorCli.Required(result, amount));
            var tamperFrame = result.GetValue(tamper) is { } t ? (int)OptionText.Number("--tamper-frame", t, 1, 4) : (int?)null;
            var (path, credentials, http) = options.Read(result);
            using (http)
            {
                var meter = EmulatorCli.LoadState<StsMeterState>(path, "meter new");
                if (!IrEnrolment.IsEnrolled(meter))
                {
                    meter = await IrEnrolment.EnrolAsync(http, credentials.ManufacturingApiKey, meter, cancellationToken);
                    StateFile.Save(path, meter);
                    output.WriteLine($"meter {meter.MeterNumber} enrolled for IR sessions");
                }

                var buyer = result.GetValue(phone) ?? await OwnerAsync(http, credentials.AdminApiKey, meter.MeterNumber, cancellationToken);
                var order = new IrPurchaseOrder(buyer, money, result.GetValue(pin)) { TamperFrame = tamperFrame };
                var bought = await new IrPurchase(http, time).RunAsync(meter, order, cancellationToken);
                StateFile.Save(path, bought.State);
                output.WriteLine(result.GetValue(json) ? StateFile.OneLine(IrBuyView.Of(bought)) : IrBuyView.Of(bought).ToText());
                return bought.Status == IrPurchaseStatus.Credited ? 0 : EmulatorCli.Failed;
            }
        });
        return command;
    }

    /// <summary>The meter's owner as the admin API lists it.</summary>
    private static async Task<string> OwnerAsync(HttpClient http, string adminKey, string meterNumber, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/admin/meters?query={meterNumber}", UriKind.Relative));
        request.Headers.Add("X-Api-Key", adminKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var listed = await response.Content.ReadFromJsonAsync<MetersListed>(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        }, cancellationToken);
        return listed?.Meters.FirstOrDefault(m => m.MeterNumber == meterNumber)?.Holders.FirstOrDefault(h => h.Role == "owner")?.Phone
            ?? throw new CliInputException("--phone", $"meter {meterNumber} has no owner to buy for it; name the buyer's phone");
    }

    /// <summary>--state, --gateway and --credentials, which both commands take.</summary>
    private sealed class Common
    {
        private readonly Option<string> state = new("--state") { Description = "The meter's JSON state file (meter new)" };
        private readonly Option<Uri?> gateway = PhoneNetwork.PhonesCommand.Url("--gateway", "The Gateway's base URL, e.g. http://127.0.0.1:5000");
        private readonly Option<string> credentials = new("--credentials") { Description = "The Gateway's DIR/credentials.json (manufacturing and admin keys)" };

        public void AddTo(Command command)
        {
            command.Options.Add(state);
            command.Options.Add(gateway);
            command.Options.Add(credentials);
        }

        public (string State, GatewayCredentials Credentials, HttpClient Http) Read(ParseResult result)
        {
            var path = EmulatorCli.Required(result, state);
            var url = result.GetValue(gateway) ?? throw new CliInputException("--gateway", "is required");
            var file = EmulatorCli.Required(result, credentials);
            if (!File.Exists(file))
            {
                throw new CliInputException("--credentials", $"{file} does not exist (the Gateway writes DIR/credentials.json on its first start)");
            }

            return (path, GatewayCredentials.Load(file), new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) });
        }
    }
}
