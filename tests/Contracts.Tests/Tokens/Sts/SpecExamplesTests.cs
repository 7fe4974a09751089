using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.Tokens.Sts;

/// <summary>The checked examples of spec/sts.md §6, one test each.</summary>
public class SpecExamplesTests
{
    private static readonly byte[] Vk64 = Convert.FromHexString("ABABABABABABABAB");
    private static readonly byte[] Vk160 = Convert.FromHexString("ABABABABABABABAB949494949494949401234567");
    private static readonly MeterNumber ZeroMeter = MeterNumber.FromPan("600727000000000009");

    [Fact]
    public void Example1_IecWorkedExample_MatchesPlaintextCiphertextAndToken()
    {
        var dk = DecoderKey.FromHex("0ABC12DEF3456789");
        var tid = TokenIdentifier.FromTime(new DateTimeOffset(1996, 3, 25, 13, 55, 0, TimeSpan.Zero), BaseDate.Year1993);
        var plain = TokenCrc.Seal(0, TokenLayout.Register(0, 0xB, tid, TokenAmount.Encode(256)));
        var cipher = TokenCipher.Create(dk, EncryptionAlgorithm.Ea07);

        Assert.Equal(0x0B19EB230100C207UL, plain);
        Assert.Equal(0x9335C6C96B7352DCUL, cipher.Encrypt(plain));
        Assert.Equal("29054347139309851356", new TokenEncoder(cipher).Credit(CreditKind.Electricity, TokenAmount.Encode(256), tid, 0xB).ToString());
    }

    [Fact]
    public void Example2_Dkga02_MatchesBlocksKeyAndToken()
    {
        var identity = new KeyIdentity(ZeroMeter, 123456, 1, 1, KeyType.Unique);

        Assert.Equal(0x2123456011FFFFFFUL, DecoderKeyGeneration.ControlBlock(identity));
        Assert.Equal(0x0072700000000000UL, DecoderKeyGeneration.PanBlock(identity));
        var dk = DecoderKeyGeneration.Dkga02(Vk64, identity);
        Assert.Equal("E653341F9D5BF36F", dk.ToHex());

        var tid = TokenIdentifier.FromTime(new DateTimeOffset(2004, 3, 1, 13, 55, 0, TimeSpan.Zero), BaseDate.Year1993);
        Assert.Equal(0x599863, tid);
        var plain = TokenCrc.Seal(0, TokenLayout.Register(0, 5, tid, TokenAmount.Encode(1)));
        Assert.Equal(0x05599863000119E6UL, plain);
        var cipher = TokenCipher.Create(dk, EncryptionAlgorithm.Ea07);
        Assert.Equal(0x492083C0AE7CE455UL, cipher.Encrypt(plain));
        Assert.Equal("23716100501183194197", new TokenEncoder(cipher).Credit(CreditKind.Electricity, TokenAmount.Encode(1), tid, 5).ToString());
    }

    [Fact]
    public void Example3_KeyChange_MatchesBothSections()
    {
        var oldDk = DecoderKeyGeneration.Dkga02(Vk64, new KeyIdentity(ZeroMeter, 123456, 1, 1, KeyType.Unique));
        var newDk = DecoderKeyGeneration.Dkga02(Vk64, new KeyIdentity(ZeroMeter, 123456, 2, 1, KeyType.Unique));
        Assert.Equal("060B8643C59A27F1", newDk.ToHex());

        var tokens = new TokenEncoder(oldDk, EncryptionAlgorithm.Ea07)
            .KeyChange(new KeyChangeOrder(newDk, KeyRevision: 1, KeyType.Unique, TariffIndex: 2, KeyExpiryNumber: 0xFF));

        Assert.Equal(["51638423060042734509", "15361891762113502242"], tokens.Select(t => t.ToString()));
    }

    [Fact]
    public void Example4_Dkga04WithEa07_MatchesKeyAndToken()
    {
        var dk = DecoderKeyGeneration.Dkga04(Vk160, new KeyIdentity(ZeroMeter, 123457, 1, 1, KeyType.Unique));
        Assert.Equal("AA4BAA8749C10D27", dk.ToHex());

        var tid = TokenIdentifier.FromTime(new DateTimeOffset(2009, 1, 1, 8, 0, 0, TimeSpan.Zero), BaseDate.Year1993);
        var token = new TokenEncoder(dk, EncryptionAlgorithm.Ea07).Credit(CreditKind.Electricity, TokenAmount.Encode(1), tid, 5);
        Assert.Equal("15697331168573253829", token.ToString());
    }

    [Fact]
    public void Example5_Dkga04WithEa11_MatchesKeyAndToken()
    {
        var identity = new KeyIdentity(ZeroMeter, 123457, 1, 1, KeyType.Unique, BaseDate.Year1993, EncryptionAlgorithm.Ea11);
        var dk = DecoderKeyGeneration.Dkga04(Vk160, identity);
        Assert.Equal("F94B6ED353C3BFDB113E2D3A7EA3C41D", dk.ToHex());

        var tid = TokenIdentifier.FromTime(new DateTimeOffset(2004, 3, 1, 13, 0, 0, TimeSpan.Zero), BaseDate.Year1993);
        var token = new TokenEncoder(dk, EncryptionAlgorithm.Ea11).Credit(CreditKind.Electricity, TokenAmount.Encode(1), tid, 5);
        Assert.Equal("59386323472137426967", token.ToString());
    }

    [Fact]
    public void Crc_PublishedCheck_Is1970()
    {
        var block = TokenLayout.Register(0, 5, 0xC02A55, 0x2710);

        Assert.Equal(0x1970, TokenCrc.Compute(0, block));
    }

    [Fact]
    public void Misty1_Rfc2994Vector_Encrypts()
    {
        var cipher = TokenCipher.Create(DecoderKey.FromHex("00112233445566778899aabbccddeeff"), EncryptionAlgorithm.Ea11);

        Assert.Equal(0x8b1da5f56ab3d07cUL, cipher.Encrypt(0x0123456789abcdefUL));
        Assert.Equal(0x0123456789abcdefUL, cipher.Decrypt(0x8b1da5f56ab3d07cUL));
    }

    [Fact]
    public void TokenIdentifier_1993Base_RanOutAt20241124At2015()
    {
        Assert.Equal(new DateTimeOffset(2024, 11, 24, 20, 15, 0, TimeSpan.Zero), TokenIdentifier.End(BaseDate.Year1993));
    }
}
