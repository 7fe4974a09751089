namespace SmsVending.MeterEmulator.Sim;

/// <summary>The EF_SMS record codec.</summary>
/// <remarks>
/// A record is 176 bytes (TS 31.102 §4.2.25; TS 51.011 §10.5.3):
/// <code>
/// byte 1        status: xxxxxxx0 free, xxxxx001 received read, xxxxx011 received unread, xxxxx101 sent, xxxxx111 to be sent
/// bytes 2–176   the TS-Service-Centre-Address as the RP layer carries it (TS 24.011 §8.2.5.1: one length octet counting
///               the octets after it, type of address, BCD digits; 0x00 for none) immediately followed by the TPDU
///               (TS 23.040) as received, then 0xFF to the end of the record.
/// </code>
/// A free record is 0x00 then 175 × 0xFF. Received records carry SMS-DELIVER; sent ones SMS-SUBMIT (not read here).
/// </remarks>
public static class EfSmsRecord
{
    /// <summary>The record length.</summary>
    public const int Length = 176;

    /// <summary>The service centre address this emulator stores with each message.</summary>
    public const string DefaultServiceCentre = "+254700000001";

    /// <summary>A free record.</summary>
    public static byte[] Free()
    {
        var record = new byte[Length];
        record.AsSpan(1).Fill(0xFF);
        return record;
    }

    /// <summary>Writes a received message into a record.</summary>
    /// <exception cref="ArgumentException">The sender, text or time stamp cannot be written (not GSM 7-bit, too long, time zone).</exception>
    public static byte[] Encode(SmsDeliver message, SimRecordStatus status = SimRecordStatus.ReceivedUnread, string serviceCentre = DefaultServiceCentre)
    {
        byte[] body = [.. SmsAddress.EncodeServiceCentre(serviceCentre), .. SmsDeliverPdu.Encode(message)];
        if (body.Length > Length - 1)
        {
            throw new ArgumentException($"the message takes {body.Length + 1} bytes; a record holds {Length}");
        }

        var record = Free();
        record[0] = (byte)status;
        body.CopyTo(record, 1);
        return record;
    }

    /// <summary>Reads a record; anything it cannot read comes back with <see cref="SimRecord.Corrupt"/> set.</summary>
    public static SimRecord Decode(int number, ReadOnlySpan<byte> record)
    {
        if (record.Length != Length)
        {
            return new SimRecord(number, record.Length > 0 ? StatusOf(record[0]) : SimRecordStatus.Free, null, $"the record is {record.Length} bytes, not {Length}");
        }

        var status = StatusOf(record[0]);
        if (status is not (SimRecordStatus.ReceivedRead or SimRecordStatus.ReceivedUnread))
        {
            return new SimRecord(number, status, null, null);
        }

        var at = 1;
        var serviceCentre = SmsAddress.DecodeServiceCentre(record, ref at, out var problem);
        var message = serviceCentre is null ? null : SmsDeliverPdu.Decode(record[at..], out problem);
        return new SimRecord(number, status, message, problem, serviceCentre);
    }

    /// <summary>The record with its status byte changed.</summary>
    internal static void SetStatus(Span<byte> record, SimRecordStatus status) => record[0] = (byte)status;

    private static SimRecordStatus StatusOf(byte status) => (status & 0x01) == 0 ? SimRecordStatus.Free : (SimRecordStatus)(status & 0x07);
}
