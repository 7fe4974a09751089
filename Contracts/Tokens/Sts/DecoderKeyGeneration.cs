using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>Derives a meter's decoder key from a vending key: DKGA02 (DES, 64-bit VK) or DKGA04 (HMAC-SHA-256, 160-bit VK).</summary>
public static class DecoderKeyGeneration
{
    /// <summary>The DKGA a vending key's length implies: 2 for a 64-bit key, 4 for a 160-bit one.</summary>
    public static int DkgaOf(ReadOnlySpan<byte> vendingKey) => vendingKey.Length switch
    {
        8 => 2,
        20 => 4,
        _ => throw new ArgumentException($"a vending key has 8 bytes (DKGA02) or 20 (DKGA04), got {vendingKey.Length}", nameof(vendingKey)),
    };

    /// <summary>The decoder key by the DKGA the vending key's length implies.</summary>
    public static DecoderKey Derive(ReadOnlySpan<byte> vendingKey, KeyIdentity identity) =>
        DkgaOf(vendingKey) == 2 ? Dkga02(vendingKey, identity) : Dkga04(vendingKey, identity);

    /// <summary>DKGA02: DK = DES(VK, PANBlock XOR ControlBlock) XOR that block XOR VK.</summary>
    public static DecoderKey Dkga02(ReadOnlySpan<byte> vendingKey, KeyIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (vendingKey.Length != 8)
        {
            throw new ArgumentException($"a DKGA02 vending key has 8 bytes (16 hex digits), got {vendingKey.Length}", nameof(vendingKey));
        }

        if (identity.Algorithm != EncryptionAlgorithm.Ea07)
        {
            throw new ArgumentException("DKGA02 makes 64-bit keys, which only EA07 uses; EA11 needs DKGA04", nameof(identity));
        }

        var x = PanBlock(identity) ^ ControlBlock(identity);
        Span<byte> block = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(block, x);
        using var des = DES.Create();
        try
        {
            des.Key = vendingKey.ToArray();
        }
        catch (CryptographicException e)
        {
            // .NET refuses DES weak and semi-weak keys; no key management centre issues one.
            throw new ArgumentException("the vending key is a weak DES key and cannot be used", nameof(vendingKey), e);
        }

        Span<byte> encrypted = stackalloc byte[8];
        des.EncryptEcb(block, encrypted, PaddingMode.None);
        var dk = BinaryPrimitives.ReadUInt64BigEndian(encrypted) ^ x ^ BinaryPrimitives.ReadUInt64BigEndian(vendingKey);
        return new DecoderKey(dk, 64);
    }

    /// <summary>DKGA04: the leading 8 (EA07) or 16 (EA11) bytes of HMAC-SHA-256(VK, key identity).</summary>
    public static DecoderKey Dkga04(ReadOnlySpan<byte> vendingKey, KeyIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (vendingKey.Length != 20)
        {
            throw new ArgumentException($"a DKGA04 vending key has 20 bytes (40 hex digits), got {vendingKey.Length}", nameof(vendingKey));
        }

        var bits = identity.Algorithm == EncryptionAlgorithm.Ea11 ? 128 : 64;
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(vendingKey, Dkga04Input(identity, bits), mac);
        var value = bits == 64
            ? BinaryPrimitives.ReadUInt64BigEndian(mac)
            : BinaryPrimitives.ReadUInt128BigEndian(mac);
        return new DecoderKey(value, bits);
    }

    /// <summary>PANBlock: the IIN's tail and the meter number as 16 hex nibbles; zeros for a common key.</summary>
    internal static ulong PanBlock(KeyIdentity identity)
    {
        var meter = identity.Meter;
        var drn = identity.KeyType == KeyType.Common ? new string('0', meter.Digits.Length) : meter.Digits;
        var digits = meter.Iin[^(16 - drn.Length)..] + drn;
        return ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>ControlBlock: KT, SGC, TI, KRN and FFFFFF as 16 hex nibbles.</summary>
    internal static ulong ControlBlock(KeyIdentity identity)
    {
        var text = $"{identity.KtHex}{identity.SgcDigits}{identity.TiDigits}{identity.KrnHex}FFFFFF";
        return ulong.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Label fields, a zero separator, then context fields and the key length, as the spec lays out.</summary>
    internal static byte[] Dkga04Input(KeyIdentity identity, int bits)
    {
        var baseDigits = ((int)identity.BaseDate % 100).ToString("D2", CultureInfo.InvariantCulture);
        var eaDigits = ((int)identity.Algorithm).ToString("D2", CultureInfo.InvariantCulture);
        var input = new List<byte>(64) { 0x04 };
        AddField(input, "04");
        AddField(input, baseDigits);
        AddField(input, eaDigits);
        AddField(input, identity.TiDigits);
        input.Add(0x00);
        input.Add(0x04);
        AddField(input, identity.SgcDigits);
        AddField(input, identity.KtHex.ToString());
        AddField(input, identity.KrnHex.ToString());
        AddField(input, identity.Meter.Pan);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bits);
        input.AddRange(length);
        return [.. input];
    }

    private static void AddField(List<byte> input, string text)
    {
        input.Add((byte)text.Length);
        input.AddRange(Encoding.ASCII.GetBytes(text));
    }
}
