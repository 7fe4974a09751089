using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmsVending.MeterEmulator.Sim;

/// <summary>`sim show`: every record, as text or JSON.</summary>
internal static partial class SimCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Command Show(Io io)
    {
        var sim = Value("--sim", "The SIM image file");
        var json = new Option<bool>("--json") { Description = "One JSON object: { records: [ { record, status, sender, timestamp, text, corrupt } ] }" };
        return Action(io, new Command("show", "List the SIM's SMS records") { sim, json }, result =>
        {
            var records = Load(Required(result, sim)).Read();
            if (result.GetValue(json))
            {
                io.Output.WriteLine(JsonSerializer.Serialize(new { records = records.Select(Row) }, Json));
                return;
            }

            foreach (var r in records)
            {
                io.Output.WriteLine(r switch
                {
                    { Corrupt: { } reason } => $"{r.Number,3}  {Name(r.Status),-7}  corrupt: {reason}",
                    { Message: { } m } => $"{r.Number,3}  {Name(r.Status),-7}  {m.Sender}  {Time(m.Timestamp)}  {m.Text}",
                    _ => $"{r.Number,3}  {Name(r.Status)}",
                });
            }
        });
    }

    private static object Row(SimRecord r) => new
    {
        record = r.Number,
        status = Name(r.Status),
        sender = r.Message?.Sender,
        timestamp = r.Message is { } m ? Time(m.Timestamp) : null,
        text = r.Message?.Text,
        corrupt = r.Corrupt,
    };

    private static string Name(SimRecordStatus status) => status switch
    {
        SimRecordStatus.Free => "free",
        SimRecordStatus.ReceivedRead => "read",
        SimRecordStatus.ReceivedUnread => "unread",
        SimRecordStatus.Sent => "sent",
        _ => "to-send",
    };

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
