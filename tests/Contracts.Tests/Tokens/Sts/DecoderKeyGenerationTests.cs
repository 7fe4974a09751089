using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.Tokens.Sts;

public class DecoderKeyGenerationTests
{
    private static readonly KeyIdentity Identity = new(MeterNumber.Parse("00000000000"), 123456, 1, 1, KeyType.Unique);

    [Fact]
    public void Dkga02_WeakDesKey_SaysSo()
    {
        var error = Assert.Throws<ArgumentException>(() => DecoderKeyGeneration.Dkga02(Convert.FromHexString("0101010101010101"), Identity));

        Assert.Contains("weak DES key", error.Message);
    }

    [Fact]
    public void Dkga02_Ea11_IsRefused()
    {
        var ea11 = new KeyIdentity(Identity.Meter, 123456, 1, 1, KeyType.Unique, BaseDate.Year1993, EncryptionAlgorithm.Ea11);

        Assert.Throws<ArgumentException>(() => DecoderKeyGeneration.Dkga02(new byte[8], ea11));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(20)]
    public void Dkga02_WrongVendingKeyLength_IsRefused(int length)
    {
        Assert.Throws<ArgumentException>(() => DecoderKeyGeneration.Dkga02(new byte[length], Identity));
    }

    [Fact]
    public void Dkga04_BaseDateAndKeyRevision_ChangeTheKey()
    {
        var vk = new byte[20];
        var keys = new[]
        {
            Identity,
            new KeyIdentity(Identity.Meter, 123456, 1, 2, KeyType.Unique),
            new KeyIdentity(Identity.Meter, 123456, 1, 1, KeyType.Unique, BaseDate.Year2014),
        }.Select(i => DecoderKeyGeneration.Dkga04(vk, i).ToHex());

        Assert.Equal(3, keys.Distinct().Count());
    }

    [Fact]
    public void Derive_ChoosesTheDkgaByTheVendingKeysLength()
    {
        var vk64 = Convert.FromHexString("0123456789ABCDEF");
        var vk160 = Convert.FromHexString("00112233445566778899AABBCCDDEEFF00112233");

        Assert.Equal(DecoderKeyGeneration.Dkga02(vk64, Identity), DecoderKeyGeneration.Derive(vk64, Identity));
        Assert.Equal(DecoderKeyGeneration.Dkga04(vk160, Identity), DecoderKeyGeneration.Derive(vk160, Identity));
        Assert.Equal((2, 4), (DecoderKeyGeneration.DkgaOf(vk64), DecoderKeyGeneration.DkgaOf(vk160)));
        Assert.Throws<ArgumentException>(() => DecoderKeyGeneration.Derive(new byte[16], Identity));
    }

    [Fact]
    public void KeyIdentity_KeyRevisionOutOfRange_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyIdentity(Identity.Meter, 123456, 1, 10, KeyType.Unique));
    }
}
