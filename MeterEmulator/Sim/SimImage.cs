namespace SmsVending.MeterEmulator.Sim;

/// <summary>An emulated SIM's EF_SMS: its records in order, as READ RECORD would return them.</summary>
/// <remarks>The file form is the records back to back, 176 bytes each, nothing else: what a card reader dumping EF_SMS
/// record by record writes, and what any PDU tool can read. A short last record (a damaged dump) is kept and reads as corrupt.</remarks>
public sealed class SimImage
{
    /// <summary>The usual EF_SMS size of a SIM.</summary>
    public const int DefaultRecords = 10;

    /// <summary>The most records a linear fixed EF can have.</summary>
    public const int MaxRecords = 255;

    private readonly List<byte[]> records;

    private SimImage(List<byte[]> records) => this.records = records;

    /// <summary>How many records the image has.</summary>
    public int Count => records.Count;

    /// <summary>A SIM with <paramref name="records"/> free records.</summary>
    public static SimImage Blank(int records = DefaultRecords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(records, MaxRecords);
        return new SimImage([.. Enumerable.Range(0, records).Select(_ => EfSmsRecord.Free())]);
    }

    /// <summary>An image from its bytes (records back to back).</summary>
    /// <exception cref="InvalidDataException">Empty, or more than 255 records.</exception>
    public static SimImage FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes.Length > MaxRecords * EfSmsRecord.Length)
        {
            throw new InvalidDataException($"a SIM image is 1 to {MaxRecords} records of {EfSmsRecord.Length} bytes; this is {bytes.Length} bytes");
        }

        var records = new List<byte[]>();
        for (var at = 0; at < bytes.Length; at += EfSmsRecord.Length)
        {
            records.Add(bytes[at..Math.Min(at + EfSmsRecord.Length, bytes.Length)].ToArray());
        }

        return new SimImage(records);
    }

    /// <summary>Reads an image file.</summary>
    public static SimImage Load(string path) => FromBytes(File.ReadAllBytes(path));

    /// <summary>The image's bytes.</summary>
    public byte[] ToBytes() => [.. records.SelectMany(r => r)];

    /// <summary>Writes the image file (to a temporary file first, so a crash leaves the old image or the new one).</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, ToBytes());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Every record, read.</summary>
    public IReadOnlyList<SimRecord> Read() => [.. records.Select((r, i) => EfSmsRecord.Decode(i + 1, r))];

    /// <summary>Stores a received message, unread, in the first free record, as a phone does; returns its number.</summary>
    /// <exception cref="InvalidOperationException">No record is free (the phone's "SIM memory full").</exception>
    public int Store(SmsDeliver message, string serviceCentre = EfSmsRecord.DefaultServiceCentre)
    {
        var record = EfSmsRecord.Encode(message, SimRecordStatus.ReceivedUnread, serviceCentre);
        var free = records.FindIndex(r => r.Length == EfSmsRecord.Length && (r[0] & 0x01) == 0);
        if (free < 0)
        {
            throw new InvalidOperationException($"SIM memory full: all {records.Count} records are in use");
        }

        records[free] = record;
        return free + 1;
    }

    /// <summary>Marks a received record read (status 0x01).</summary>
    public void MarkRead(int number) => EfSmsRecord.SetStatus(records[number - 1], SimRecordStatus.ReceivedRead);
}
