using BenchmarkDotNet.Attributes;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Benchmarks;

/// <summary>STS token generation with a prepared key, and decoder key derivation.</summary>
[MemoryDiagnoser]
public class StsBenchmarks
{
    private static readonly byte[] Vk64 = Convert.FromHexString("ABABABABABABABAB");
    private static readonly byte[] Vk160 = Convert.FromHexString("ABABABABABABABAB949494949494949401234567");
    private static readonly KeyIdentity Identity = new(MeterNumber.Parse("00000000000"), 123456, 1, 1, KeyType.Unique);
    private readonly TokenEncoder sta = new(DecoderKey.FromHex("0ABC12DEF3456789"), EncryptionAlgorithm.Ea07);
    private readonly TokenEncoder misty1 = new(DecoderKey.FromHex("F94B6ED353C3BFDB113E2D3A7EA3C41D"), EncryptionAlgorithm.Ea11);
    private readonly char[] digits = new char[20];
    private int tid = 0x599863;

    /// <summary>One EA07 credit token as a 20-digit number: the vending hot path.</summary>
    [Benchmark(Baseline = true)]
    public void CreditTokenEa07()
    {
        sta.Credit(CreditKind.Electricity, 256, ++tid & TokenIdentifier.Max, tid & 0xF).WriteDigits(digits);
    }

    /// <summary>One EA11 (MISTY1) credit token as a 20-digit number.</summary>
    [Benchmark]
    public void CreditTokenEa11()
    {
        misty1.Credit(CreditKind.Electricity, 256, ++tid & TokenIdentifier.Max, tid & 0xF).WriteDigits(digits);
    }

    /// <summary>A DKGA02 decoder key (single DES).</summary>
    [Benchmark]
    public DecoderKey DeriveDkga02() => DecoderKeyGeneration.Dkga02(Vk64, Identity);

    /// <summary>A DKGA04 decoder key (HMAC-SHA-256).</summary>
    [Benchmark]
    public DecoderKey DeriveDkga04() => DecoderKeyGeneration.Dkga04(Vk160, Identity);
}
