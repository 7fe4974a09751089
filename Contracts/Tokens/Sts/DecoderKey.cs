using System.Globalization;

namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>A meter's decoder key: 64 bits for EA07, 128 bits for EA11, written big-endian.</summary>
/// <remarks>ToString never shows the key; call <see cref="ToHex"/> where printing it is the point.</remarks>
public readonly record struct DecoderKey
{
    /// <summary>Wraps a key of the given length.</summary>
    public DecoderKey(UInt128 value, int bits)
    {
        if (bits is not (64 or 128))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "a decoder key has 64 or 128 bits");
        }

        if (bits == 64 && value > ulong.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "a 64-bit key does not fit");
        }

        Value = value;
        Bits = bits;
    }

    /// <summary>The key as a number; the first written byte is the most significant.</summary>
    public UInt128 Value { get; }

    /// <summary>64 or 128.</summary>
    public int Bits { get; }

    /// <summary>Parses 16 or 32 hex digits.</summary>
    public static DecoderKey FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length is not (16 or 32) || !UInt128.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"a decoder key is 16 or 32 hex digits, got '{hex}'");
        }

        return new DecoderKey(value, hex.Length * 4);
    }

    /// <summary>The key as upper-case hex, big-endian.</summary>
    public string ToHex() => Value.ToString(Bits == 64 ? "X16" : "X32", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => $"DecoderKey({Bits}-bit)";
}
