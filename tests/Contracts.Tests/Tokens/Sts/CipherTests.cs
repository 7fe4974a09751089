using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.Tokens.Sts;

public class CipherTests
{
    [Theory]
    [InlineData(EncryptionAlgorithm.Ea07, "0ABC12DEF3456789")]
    [InlineData(EncryptionAlgorithm.Ea11, "00112233445566778899AABBCCDDEEFF")]
    public void Decrypt_UndoesEncrypt(EncryptionAlgorithm algorithm, string key)
    {
        var cipher = TokenCipher.Create(DecoderKey.FromHex(key), algorithm);
        var random = new Random(5);
        for (var i = 0; i < 10_000; i++)
        {
            var block = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            Assert.Equal(block, cipher.Decrypt(cipher.Encrypt(block)));
        }
    }

    [Fact]
    public void Sta_IecExample_Decrypts()
    {
        var cipher = TokenCipher.Create(DecoderKey.FromHex("0ABC12DEF3456789"), EncryptionAlgorithm.Ea07);

        Assert.Equal(0x0B19EB230100C207UL, cipher.Decrypt(0x9335C6C96B7352DCUL));
    }

    [Theory]
    [InlineData(EncryptionAlgorithm.Ea07, "00112233445566778899AABBCCDDEEFF")]
    [InlineData(EncryptionAlgorithm.Ea11, "0ABC12DEF3456789")]
    public void Create_KeyOfTheWrongLength_SaysWhichLengthIsNeeded(EncryptionAlgorithm algorithm, string key)
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCipher.Create(DecoderKey.FromHex(key), algorithm));
        Assert.Contains("-bit decoder key", error.Message);
    }

    [Fact]
    public void DecoderKey_ToString_HidesTheKey()
    {
        Assert.DoesNotContain("0ABC", DecoderKey.FromHex("0ABC12DEF3456789").ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
