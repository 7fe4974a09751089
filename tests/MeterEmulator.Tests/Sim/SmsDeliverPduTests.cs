using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Tests.Sim;

public class SmsDeliverPduTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 17, 5, 9, TimeSpan.FromHours(3));

    [Fact]
    public void Encode_TokenMessageFromAlphanumericSender_IsTheDeliverLayout()
    {
        var tpdu = SmsDeliverPdu.Encode(new SmsDeliver("SMSVEND", "hellohello", At));

        // first octet 04 (SMS-DELIVER, no more messages), TP-OA, PID 00, DCS 00, SCTS, UDL 0A, UD.
        Assert.Equal("04" + "0DD0D3E6D45A741201" + "00" + "00" + "62114271509021" + "0A" + "E8329BFD4697D9EC37", Convert.ToHexString(tpdu));
    }

    [Fact]
    public void Decode_UserDataHeader_IsSkippedWithItsFillBits()
    {
        // UDHI set; UDH 05 00 03 2A 02 01 (concatenation, part 1 of 2) = 6 octets = 48 bits, 1 fill bit: text from septet 7.
        var header = new byte[] { 0x05, 0x00, 0x03, 0x2A, 0x02, 0x01 };
        var text = Gsm7.ToSeptets("hello");
        var septets = new byte[7 + text.Length];
        text.CopyTo(septets, 7);
        var ud = Gsm7.Pack(septets);
        header.CopyTo(ud, 0); // the header's 48 bits replace septets 0–6's packing; septet 7 starts at bit 49
        byte[] tpdu = [0x44, .. SmsAddress.EncodeOriginator("SMSVEND"), 0x00, 0x00, .. ServiceCentreTimeStamp.Encode(At), (byte)septets.Length, .. ud];

        var message = SmsDeliverPdu.Decode(tpdu, out var problem);

        Assert.Null(problem);
        Assert.Equal("hello", message?.Text);
    }

    [Theory]
    [InlineData(0x08, "UCS-2")]
    [InlineData(0x04, "8-bit")]
    [InlineData(0x20, "compressed")]
    [InlineData(0xF4, "8-bit")]
    public void Decode_DataCodingThatIsNotGsm7_IsAProblem(byte dcs, string reason)
    {
        var tpdu = SmsDeliverPdu.Encode(new SmsDeliver("SMSVEND", "hello", At));
        tpdu[1 + 9 + 1] = dcs;

        Assert.Null(SmsDeliverPdu.Decode(tpdu, out var problem));
        Assert.Contains(reason, problem);
    }

    [Theory]
    [InlineData("040BC87238880900F10000993092516195800AE8", "TP-UD is truncated: TP-UDL 10 septets need 9 octets, 1 follow")]
    [InlineData("040BC87238880900F1000099309251619580", "cut off before TP-UDL")]
    [InlineData("040BC872", "TP-OA length 11 does not fit")]
    [InlineData("", "no TPDU")]
    public void Decode_CutOffTpdu_IsAProblem(string hex, string reason)
    {
        // The TPDU of the dreamfabric.com/sms example, cut short.
        Assert.Null(SmsDeliverPdu.Decode(Convert.FromHexString(hex), out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Decode_DataCodingF0_IsGsm7()
    {
        var tpdu = SmsDeliverPdu.Encode(new SmsDeliver("SMSVEND", "hello", At));
        tpdu[1 + 9 + 1] = 0xF0;

        Assert.Equal("hello", SmsDeliverPdu.Decode(tpdu, out _)?.Text);
    }

    [Fact]
    public void Encode_TextOver160Septets_Throws()
    {
        Assert.Throws<ArgumentException>(() => SmsDeliverPdu.Encode(new SmsDeliver("SMSVEND", new string('a', 159) + "€", At)));
    }
}
