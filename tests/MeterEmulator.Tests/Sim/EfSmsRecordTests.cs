using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Tests.Sim;

public class EfSmsRecordTests
{
    // The SMS-DELIVER example of Lars Pettersson's "SMS messages and the PDU format" (dreamfabric.com/sms/), quoted by most
    // PDU tutorials and decoders: SMSC +27381000015, sender 27838890001, 1999-03-29 15:16:59 GMT+2, "hellohello".
    // A modem's AT+CMGR returns exactly this (SMSC address + TPDU), which is also what EF_SMS stores after the status byte.
    private const string PublishedPdu = "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37";

    private static readonly DateTimeOffset At = new(2026, 11, 24, 17, 5, 9, TimeSpan.FromHours(3));

    [Fact]
    public void Decode_PublishedPduInAnUnreadRecord_ReadsEveryField()
    {
        var record = Record(0x03, PublishedPdu);

        var read = EfSmsRecord.Decode(4, record);

        Assert.Null(read.Corrupt);
        Assert.Equal(4, read.Number);
        Assert.Equal(SimRecordStatus.ReceivedUnread, read.Status);
        Assert.Equal("+27381000015", read.ServiceCentre);
        Assert.Equal(new SmsDeliver("27838890001", "hellohello", new DateTimeOffset(1999, 3, 29, 15, 16, 59, TimeSpan.FromHours(2))), read.Message);
    }

    [Fact]
    public void Encode_Message_IsStatusServiceCentreTpduThenFf()
    {
        var record = EfSmsRecord.Encode(new SmsDeliver("27838890001", "hellohello", new DateTimeOffset(1999, 3, 29, 15, 16, 59, TimeSpan.FromHours(2))), SimRecordStatus.ReceivedRead, "+27381000015");

        // Our first octet is 04 as in the published PDU; its sender's type of address is C8 where ours is 81 (unknown, ISDN).
        Assert.Equal(Record(0x01, PublishedPdu.Replace("0BC8", "0B81", StringComparison.Ordinal)), record);
    }

    [Theory]
    [InlineData("SMSVEND", "Token 1234 5678 9012 3456 7890 Mtr 04123456789 12.5kWh KES 500.00 Bal KES 0.00 Ref A1B2C3")]
    [InlineData("+254712345678", "Hi {mum} [€5] ~|^\\")]
    [InlineData("KPLC", "")]
    public void Decode_EncodedRecord_GivesTheMessageBack(string sender, string text)
    {
        var message = new SmsDeliver(sender, text, At);

        var record = EfSmsRecord.Encode(message);

        Assert.Equal(EfSmsRecord.Length, record.Length);
        Assert.Equal(0x03, record[0]);
        Assert.Equal(0xFF, record[^1]);
        Assert.Equal(new SimRecord(1, SimRecordStatus.ReceivedUnread, message, null, EfSmsRecord.DefaultServiceCentre), EfSmsRecord.Decode(1, record));
    }

    [Fact]
    public void Decode_FreeAndOutgoingRecords_AreNotRead()
    {
        Assert.Equal(new SimRecord(1, SimRecordStatus.Free, null, null), EfSmsRecord.Decode(1, EfSmsRecord.Free()));
        Assert.Equal(SimRecordStatus.Sent, EfSmsRecord.Decode(2, Record(0x05, "00")).Status);
        Assert.Equal(SimRecordStatus.ToBeSent, EfSmsRecord.Decode(3, Record(0x07, "00")).Status);
    }

    [Fact]
    public void Decode_WrongLength_IsCorrupt()
    {
        var read = EfSmsRecord.Decode(1, Record(0x03, PublishedPdu).AsSpan(0, 100));

        Assert.Equal("the record is 100 bytes, not 176", read.Corrupt);
    }

    [Theory]
    [InlineData("07917283010010F5" + "01", "TP-MTI 1 is not SMS-DELIVER")] // an SMS-SUBMIT in a received record
    [InlineData("07917283010010F5" + "02", "TP-MTI 2 is not SMS-DELIVER")]
    [InlineData("0C917283010010F5", "service centre address length 12")]
    [InlineData("07917283010010F5040BC87238880900F10008993092516195800AE8329BFD4697D9EC37", "UCS-2")]
    [InlineData("07917283010010F5040BC87238880900F1000099309251619580A1", "TP-UDL 161 is over 160 septets")]
    [InlineData("07917283010010F5040BC87238880900F10000993192516195800A", "TP-SCTS is not a valid date")]
    [InlineData("07917283010010F5041BC87238880900F1", "TP-OA length 27")]
    public void Decode_Unreadable_IsCorruptWithTheReason(string pdu, string reason)
    {
        var read = EfSmsRecord.Decode(1, Record(0x03, pdu, pad: 0x00));

        Assert.Null(read.Message);
        Assert.Contains(reason, read.Corrupt);
    }

    // A record: the status, the hex, then padding to 176 bytes (0xFF as a SIM pads; other padding to make cut-offs visible).
    private static byte[] Record(byte status, string hex, byte pad = 0xFF)
    {
        var record = new byte[EfSmsRecord.Length];
        record.AsSpan().Fill(pad);
        record[0] = status;
        Convert.FromHexString(hex).CopyTo(record, 1);
        return record;
    }
}
