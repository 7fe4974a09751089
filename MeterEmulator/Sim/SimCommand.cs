using System.CommandLine;
using System.Globalization;
using SmsVending.Contracts.CommandLine;

namespace SmsVending.MeterEmulator.Sim;

/// <summary>`sim new|store|show`: makes an emulated SIM image, stores a received SMS on it as a phone does, and lists it.</summary>
/// <remarks>Bad input is one line on stderr naming the option, exit code 2; a full SIM or an unreadable file, exit code 1.
/// The options take their values leniently and the actions check them, so that these exit codes hold under the emulator's
/// root command (whose own parse errors would print help and exit 1).</remarks>
internal static partial class SimCommand
{
    public const int BadInput = CliInputException.ExitCode;
    public const int Failed = 1;

    public static Command Create(TextWriter? output = null, TextWriter? error = null, TimeProvider? time = null)
    {
        var io = new Io(output ?? Console.Out, error ?? Console.Error, time ?? TimeProvider.System);
        var command = new Command("sim", "An emulated SIM card holding SMS records (3GPP EF_SMS) for the meter's SIM slot")
        {
            New(io), Store(io), Show(io),
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(result => io.Bad("sim", $"name a command: new, store or show{Unexpected(result)}"));
        return command;
    }

    private static Command New(Io io)
    {
        var sim = Value("--sim", "The SIM image file to create (176-byte EF_SMS records back to back)");
        var records = Value("--records", $"How many SMS records (1 to {SimImage.MaxRecords}, default {SimImage.DefaultRecords})");
        return Action(io, new Command("new", "Create a SIM image with every record free") { sim, records }, result =>
        {
            var path = Required(result, sim);
            var count = SimImage.DefaultRecords;
            if (result.GetValue(records) is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > SimImage.MaxRecords))
            {
                throw new CliInputException("--records", $"takes a whole number from 1 to {SimImage.MaxRecords}, not '{text}'");
            }

            if (File.Exists(path) || !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
            {
                throw new CliInputException("--sim", File.Exists(path) ? $"{path} already exists" : $"no folder for {path}");
            }

            SimImage.Blank(count).Save(path);
            io.Output.WriteLine($"{path}: a SIM with {count} free SMS records");
        });
    }

    private static Command Store(Io io)
    {
        var sim = Value("--sim", "The SIM image file");
        var from = Value("--from", "The sender: an alphanumeric id (\"SMSVEND\", at most 11 characters) or a number (\"+2547…\")");
        var text = Value("--text", "The message text (GSM 7-bit, one SMS: at most 160 septets)");
        var at = Value("--at", "The service centre time stamp (ISO 8601, e.g. 2026-11-24T17:05:09+03:00; default now, UTC)");
        return Action(io, new Command("store", "Store a received SMS in the first free record, unread, as the phone does") { sim, from, text, at }, result =>
        {
            var message = new SmsDeliver(Required(result, from), Required(result, text), When(result.GetValue(at), io.Time));
            OptionText.Checked("--from", () => SmsAddress.EncodeOriginator(message.Sender));
            OptionText.Checked("--text", () => SmsDeliverPdu.Encode(message with { Sender = "A", Timestamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) }));
            OptionText.Checked("--at", () => ServiceCentreTimeStamp.Encode(message.Timestamp));
            var path = Required(result, sim);
            var image = Load(path);
            var number = image.Store(message);
            image.Save(path);
            io.Output.WriteLine($"{path}: stored in record {number} of {image.Count}, unread");
        });
    }

    private static DateTimeOffset When(string? value, TimeProvider time)
    {
        if (value is null)
        {
            var now = time.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new CliInputException("--at", $"takes an ISO 8601 time such as 2026-11-24T17:05:09+03:00, not '{value}'");
    }
}
