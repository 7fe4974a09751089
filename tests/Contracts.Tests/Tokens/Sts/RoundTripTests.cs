using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.Tokens.Sts;

/// <summary>Random fields → encode → digits → decode, for both ciphers and every token type.</summary>
public class RoundTripTests
{
    public static TheoryData<EncryptionAlgorithm> Algorithms => [EncryptionAlgorithm.Ea07, EncryptionAlgorithm.Ea11];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Credit_RandomFields_DecodeToTheSameFields(EncryptionAlgorithm algorithm)
    {
        var random = new Random(1);
        for (var i = 0; i < 2000; i++)
        {
            var cipher = RandomCipher(random, algorithm);
            var kind = (CreditKind)random.Next(8);
            var (tid, rnd, field) = (random.Next(TokenIdentifier.Max + 1), random.Next(16), (ushort)random.Next(65536));

            var decoded = TokenDecoder.Decode(Reparse(new TokenEncoder(cipher).Credit(kind, field, tid, rnd)), cipher);

            Assert.True(decoded.CrcOk);
            Assert.Equal((TokenClass.Credit, (int)kind, rnd, tid, field), (decoded.Class, decoded.Subclass, decoded.Rnd!.Value, decoded.Tid!.Value, decoded.Field!.Value));
            Assert.Equal(TokenAmount.Decode(field) / 10m, decoded.Amount);
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Management_EveryFunction_DecodesToTheSameFields(EncryptionAlgorithm algorithm)
    {
        var random = new Random(2);
        foreach (var function in Enum.GetValues<ManagementFunction>())
        {
            for (var i = 0; i < 200; i++)
            {
                var cipher = RandomCipher(random, algorithm);
                var (tid, rnd, field) = (random.Next(TokenIdentifier.Max + 1), random.Next(16), (ushort)random.Next(65536));

                var decoded = TokenDecoder.Decode(Reparse(new TokenEncoder(cipher).Management(function, field, tid, rnd)), cipher);

                Assert.True(decoded.CrcOk);
                Assert.Equal((TokenClass.Management, (int)function, rnd, tid, field), (decoded.Class, decoded.Subclass, decoded.Rnd!.Value, decoded.Tid!.Value, decoded.Field!.Value));
                Assert.Equal(TokenClass.UsesAmountEncoding(function) ? TokenAmount.Decode(field) : null, decoded.Amount);
            }
        }
    }

    [Theory]
    [InlineData(EncryptionAlgorithm.Ea07, 64)]
    [InlineData(EncryptionAlgorithm.Ea07, 128)]
    [InlineData(EncryptionAlgorithm.Ea11, 64)]
    [InlineData(EncryptionAlgorithm.Ea11, 128)]
    public void KeyChange_RandomOrders_DecodeToTheNewKeyAndAttributes(EncryptionAlgorithm oldAlgorithm, int newBits)
    {
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var cipher = RandomCipher(random, oldAlgorithm);
            var order = new KeyChangeOrder(RandomKey(random, newBits), random.Next(1, 10), (KeyType)random.Next(4), random.Next(100),
                (byte)random.Next(256), random.Next(2) == 1, random.Next(1_000_000));

            var sections = new TokenEncoder(cipher).KeyChange(order)
                .Select(token => TokenDecoder.Decode(Reparse(token), cipher)).ToList();

            Assert.All(sections, s => Assert.True(s.CrcOk));
            Assert.Equal(newBits == 64 ? [3, 4] : [3, 4, 8, 9], sections.Select(s => s.Subclass));
            var parts = sections.Select(s => s.KeyChange!).ToList();
            var key = parts.Aggregate(UInt128.Zero, (k, s) => (k << 32) | s.KeyBits);
            Assert.Equal(order.NewKey.Value, key);
            Assert.Equal(order.KeyExpiryNumber, (parts[0].KenNibble << 4) | parts[1].KenNibble);
            Assert.Equal((order.KeyRevision, order.Rollover, order.KeyType, order.TariffIndex),
                (parts[0].KeyRevision!.Value, parts[0].Rollover!.Value, parts[0].KeyType!.Value, parts[1].TariffIndex!.Value));
            if (newBits == 128)
            {
                Assert.Equal(order.SupplyGroupCode, (parts[2].SupplyGroupCodePart << 12) | parts[3].SupplyGroupCodePart);
            }
        }
    }

    [Theory]
    [InlineData(0, 0xF_FFFF_FFFFUL, 0xFF)]
    [InlineData(0, 0x1_2345_6789UL, 0x42)]
    [InlineData(1, 0xFFF_FFFFUL, 0xFFFF)]
    [InlineData(1, 0x123_4567UL, 0x0ABC)]
    public void Test_Fields_DecodeWithoutAKey(int subclass, ulong control, int manufacturer)
    {
        var decoded = TokenDecoder.Decode(Reparse(TokenEncoder.Test(subclass, control, manufacturer)), cipher: null);

        Assert.True(decoded.CrcOk);
        Assert.Equal((TokenClass.Test, subclass, control, manufacturer), (decoded.Class, decoded.Subclass, decoded.Control!.Value, decoded.Manufacturer!.Value));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Decode_WrongKey_FailsTheCrc(EncryptionAlgorithm algorithm)
    {
        var random = new Random(4);
        var failures = 0;
        const int Trials = 1000;
        for (var i = 0; i < Trials; i++)
        {
            var token = new TokenEncoder(RandomCipher(random, algorithm)).Credit(CreditKind.Electricity, 100, random.Next(TokenIdentifier.Max), random.Next(16));
            failures += TokenDecoder.Decode(token, RandomCipher(random, algorithm)).CrcOk ? 0 : 1;
        }

        // A random key passes a 16-bit CRC about once in 65 536 tries.
        Assert.True(failures >= Trials - 1, $"only {failures} of {Trials} wrong-key decodes failed the CRC");
    }

    [Fact]
    public void Decode_OneDigitChanged_FailsTheCrc()
    {
        var cipher = TokenCipher.Create(DecoderKey.FromHex("0ABC12DEF3456789"), EncryptionAlgorithm.Ea07);
        var digits = "29054347139309851356".ToCharArray();
        digits[10] = digits[10] == '9' ? '0' : (char)(digits[10] + 1);

        Assert.False(TokenDecoder.Decode(StsToken.Parse(new string(digits)), cipher).CrcOk);
    }

    private static StsToken Reparse(StsToken token) => StsToken.Parse(token.ToGroupedString());

    private static TokenCipher RandomCipher(Random random, EncryptionAlgorithm algorithm) =>
        TokenCipher.Create(RandomKey(random, algorithm == EncryptionAlgorithm.Ea07 ? 64 : 128), algorithm);

    private static DecoderKey RandomKey(Random random, int bits)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var value = new UInt128(BitConverter.ToUInt64(bytes[8..]), BitConverter.ToUInt64(bytes[..8]));
        return new DecoderKey(bits == 64 ? (ulong)value : value, bits);
    }
}
