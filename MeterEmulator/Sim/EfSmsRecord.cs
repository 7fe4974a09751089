namespace SmsVending.MeterEmulator.Sim;

/// <summary>The status byte of an EF_SMS record (3GPP TS 31.102 §4.2.25, TS 51.011 §10.5.3), bits 3–1.</summary>
public enum SimRecordStatus : byte
{
    /// <summary>Bit 1 clear: the record is free (the rest is 0xFF).</summary>
    Free = 0x00,

    /// <summary>A received message the user (or the meter) has read.</summary>
    ReceivedRead = 0x01,

    /// <summary>A received message not yet read.</summary>
    ReceivedUnread = 0x03,

    /// <summary>A message the phone sent.</summary>
    Sent = 0x05,

    /// <summary>A message waiting to be sent.</summary>
    ToBeSent = 0x07,
}

/// <summary>One EF_SMS record read back: its 1-based number, status, and the message or why it could not be read.</summary>
/// <param name="Number">The record number, as READ RECORD counts (from 1).</param>
/// <param name="Status">The status byte's meaning.</param>
/// <param name="Message">The SMS-DELIVER read from a received record; null for free, outgoing and corrupt records.</param>
/// <param name="Corrupt">Why the record could not be read; null when it could.</param>
/// <param name="ServiceCentre">The service centre address stored before the TPDU ("" when none).</param>
public sealed record SimRecord(int Number, SimRecordStatus Status, SmsDeliver? Message, string? Corrupt, string? ServiceCentre = null);

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
