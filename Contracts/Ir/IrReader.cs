using System.Buffers.Binary;
using System.Text;

namespace SmsVending.Contracts.Ir;

/// <summary>Reads a frame body written by <see cref="IrWriter"/>; a short, over-long or badly encoded body is refused as malformed.</summary>
internal ref struct IrReader(ReadOnlySpan<byte> body, string what)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private ReadOnlySpan<byte> rest = body;

    public ReadOnlySpan<byte> Bytes(int count)
    {
        if (rest.Length < count)
        {
            throw new IrProtocolException(IrRefusal.Malformed, $"the {what} ends early");
        }

        var value = rest[..count];
        rest = rest[count..];
        return value;
    }

    public byte Byte() => Bytes(1)[0];

    public int UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Bytes(2));

    public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Bytes(8));

    public string Text()
    {
        var bytes = Bytes(Byte());
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new IrProtocolException(IrRefusal.Malformed, $"the {what} holds text that is not UTF-8");
        }
    }

    /// <summary>The body must end here.</summary>
    public readonly void End()
    {
        if (!rest.IsEmpty)
        {
            throw new IrProtocolException(IrRefusal.Malformed, $"the {what} has {rest.Length} bytes too many");
        }
    }
}
