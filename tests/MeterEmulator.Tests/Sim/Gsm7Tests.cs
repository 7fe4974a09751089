using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Tests.Sim;

public class Gsm7Tests
{
    [Theory]
    [InlineData("hellohello", "E8329BFD4697D9EC37")] // the user data of the classic SMS-DELIVER example (dreamfabric.com/sms, TS 23.038 packing)
    [InlineData("1234567", "31D98C56B3DD00")] // 7 septets: 49 bits, the last octet holds one bit of the 7th septet and 7 zero bits
    [InlineData("12345678", "31D98C56B3DD70")] // 8 septets fill 7 octets exactly: the 8th is the top 7 bits of octet 7
    [InlineData("", "")]
    public void Pack_KnownText_GivesPublishedOctets(string text, string octets)
    {
        Assert.Equal(octets, Convert.ToHexString(Gsm7.Pack(Gsm7.ToSeptets(text))));
    }

    [Theory]
    [InlineData("hellohello")]
    [InlineData("1234567")]
    [InlineData("12345678")]
    [InlineData("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡ÄÖÑÜ§¿äöñüà\r\n")]
    [InlineData("Token 1234 5678 9012 3456 7890 {€} [a|b] ~^\\")]
    public void Unpack_PackedText_GivesTheTextBack(string text)
    {
        var septets = Gsm7.ToSeptets(text);
        var packed = Gsm7.Pack(septets);

        Assert.Equal(Gsm7.PackedLength(septets.Length), packed.Length);
        Assert.Equal(text, Gsm7.FromSeptets(Gsm7.Unpack(packed, septets.Length)));
    }

    [Fact]
    public void ToSeptets_ExtensionCharacters_TakeEscapeAndCode()
    {
        Assert.Equal(new byte[] { 0x1B, 0x65, 0x1B, 0x3C, 0x1B, 0x3E, 0x1B, 0x28, 0x1B, 0x29, 0x1B, 0x40 }, Gsm7.ToSeptets("€[]{}|"));
    }

    [Fact]
    public void ToSeptets_DefaultCharacters_TakeTheirTablePosition()
    {
        Assert.Equal(new byte[] { 0x00, 0x01, 0x02, 0x10, 0x40, 0x60, 0x7F }, Gsm7.ToSeptets("@£$Δ¡¿à"));
    }

    [Theory]
    [InlineData("✓")]
    [InlineData("Ş")]
    [InlineData("`")]
    public void ToSeptets_CharacterOutsideTheAlphabet_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => Gsm7.ToSeptets(text));
    }

    [Fact]
    public void FromSeptets_EscapeBeforeUnknownCode_ReadsTheDefaultCharacter()
    {
        Assert.Equal("A", Gsm7.FromSeptets([0x1B, 0x41]));
    }
}
