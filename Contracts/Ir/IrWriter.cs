using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace SmsVending.Contracts.Ir;

/// <summary>Writes a frame body: fixed-size fields as they are, integers big-endian, text as one length byte and UTF-8.</summary>
internal sealed class IrWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new(256);

    public IrWriter Bytes(ReadOnlySpan<byte> value)
    {
        buffer.Write(value);
        return this;
    }

    public IrWriter Byte(byte value) => Bytes([value]);

    public IrWriter UInt16(int value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer.GetSpan(2), checked((ushort)value));
        buffer.Advance(2);
        return this;
    }

    public IrWriter Int64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
        return this;
    }

    /// <summary>Text of at most 255 UTF-8 bytes.</summary>
    public IrWriter Text(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return bytes.Length <= byte.MaxValue ? Byte((byte)bytes.Length).Bytes(bytes) : throw new ArgumentException($"text of {bytes.Length} bytes does not fit a frame field (255)");
    }

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();
}
