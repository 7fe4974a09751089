using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Tests.Sim;

public class SmsAddressTests
{
    [Fact]
    public void EncodeOriginator_AlphanumericSenderId_IsTon5WithPackedCharacters()
    {
        // "SMSVEND": 7 septets = 49 bits in 7 octets; the length counts 13 useful semi-octets (⌈49 / 4⌉).
        Assert.Equal("0DD0D3E6D45A741201", Convert.ToHexString(SmsAddress.EncodeOriginator("SMSVEND")));
    }

    [Theory]
    [InlineData("+254712345678", "0C91527421436587")]
    [InlineData("27838890001", "0B817238880900F1")]
    public void EncodeOriginator_Number_IsSemiOctetsWithTypeOfAddress(string number, string octets)
    {
        Assert.Equal(octets, Convert.ToHexString(SmsAddress.EncodeOriginator(number)));
    }

    [Theory]
    [InlineData("SMSVEND")]
    [InlineData("KPLC Token")]
    [InlineData("ABCDEFGHIJK")]
    [InlineData("+254712345678")]
    [InlineData("0712345678")]
    public void DecodeOriginator_Encoded_GivesTheSenderBack(string sender)
    {
        var octets = SmsAddress.EncodeOriginator(sender);
        var at = 0;

        Assert.Equal(sender, SmsAddress.DecodeOriginator(octets, ref at, out var problem));
        Assert.Null(problem);
        Assert.Equal(octets.Length, at);
    }

    [Theory]
    [InlineData("ABCDEFGHIJKL")]
    [InlineData("✓")]
    public void EncodeOriginator_UnwritableSender_Throws(string sender)
    {
        Assert.Throws<ArgumentException>(() => SmsAddress.EncodeOriginator(sender));
    }

    [Fact]
    public void EncodeServiceCentre_InternationalNumber_CountsOctetsNotDigits()
    {
        Assert.Equal("07917283010010F5", Convert.ToHexString(SmsAddress.EncodeServiceCentre("+27381000015")));
        Assert.Equal("00", Convert.ToHexString(SmsAddress.EncodeServiceCentre("")));
    }
}
