using System.Buffers;
using System.Buffers.Binary;

namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>A device's 16-byte OpenPAYGO secret key, kept as the two little-endian words SipHash reads.</summary>
/// <remarks>ToString never shows the key; call <see cref="ToHex"/> where printing it is the point.</remarks>
public readonly record struct OpenPaygoKey
{
    private OpenPaygoKey(ulong k0, ulong k1)
    {
        K0 = k0;
        K1 = k1;
    }

    internal ulong K0 { get; }

    internal ulong K1 { get; }

    /// <summary>Reads a key from exactly 16 bytes, as written in the manufacturer's CSV.</summary>
    public static OpenPaygoKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException($"an OpenPAYGO key has 16 bytes, got {key.Length}", nameof(key));
        }

        return new OpenPaygoKey(BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key[8..]));
    }

    /// <summary>Parses 32 hex digits (either case).</summary>
    public static OpenPaygoKey Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (TryParse(hex, out var key))
        {
            return key;
        }

        throw new FormatException(hex.Length == 32
            ? "an OpenPAYGO key is 32 hex digits, this one has a character that is not hex"
            : $"an OpenPAYGO key is 32 hex digits, got {hex.Length} characters");
    }

    /// <summary>Parses 32 hex digits (either case); false if the text is anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out OpenPaygoKey key)
    {
        key = default;
        Span<byte> bytes = stackalloc byte[16];
        if (hex.Length != 32 || Convert.FromHexString(hex, bytes, out _, out var written) != OperationStatus.Done || written != 16)
        {
            return false;
        }

        key = FromBytes(bytes);
        return true;
    }

    /// <summary>The key as 32 lower-case hex digits, in CSV byte order.</summary>
    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, K0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], K1);
        return Convert.ToHexStringLower(bytes);
    }

    /// <inheritdoc />
    public override string ToString() => "OpenPaygoKey(hidden)";
}
