using System.Buffers.Binary;

namespace SmsVending.Contracts.Ir;

/// <summary>One frame: a 20-byte header (version, type, session id, body length, big-endian) and at most <see cref="MaxBodyLength"/>
/// bytes of body.</summary>
/// <remarks>The header is authenticated with every frame: signed in the transcript of frames 1 and 2, the associated data of the
/// encryption of frames 3 and 4.</remarks>
public sealed record IrFrame(IrFrameType Type, byte[] SessionId, byte[] Body)
{
    /// <summary>The protocol version this code speaks.</summary>
    public const byte Version = 1;

    /// <summary>Bytes in a session id (zero in frame 1, which has none yet).</summary>
    public const int SessionIdLength = 16;

    /// <summary>Version, type, session id and body length.</summary>
    public const int HeaderLength = 2 + SessionIdLength + 2;

    /// <summary>The largest body any frame may carry.</summary>
    public const int MaxBodyLength = 1024;

    /// <summary>The largest frame, header included: what the Gateway accepts at most.</summary>
    public const int MaxLength = HeaderLength + MaxBodyLength;

    /// <summary>The session id in hex, as stored and logged.</summary>
    public string SessionHex => Convert.ToHexStringLower(SessionId);

    /// <summary>The frame as it travels.</summary>
    public byte[] Encode()
    {
        if (SessionId.Length != SessionIdLength || Body.Length > MaxBodyLength)
        {
            throw new ArgumentException($"a frame has a {SessionIdLength}-byte session id and at most {MaxBodyLength} bytes of body");
        }

        var frame = new byte[HeaderLength + Body.Length];
        frame[0] = Version;
        frame[1] = (byte)Type;
        SessionId.CopyTo(frame, 2);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2 + SessionIdLength), (ushort)Body.Length);
        Body.CopyTo(frame, HeaderLength);
        return frame;
    }

    /// <summary>Reads a frame; anything but a whole, well-formed frame of this version is refused.</summary>
    public static IrFrame Decode(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < HeaderLength || frame.Length > MaxLength)
        {
            throw new IrProtocolException(IrRefusal.Malformed, $"a frame has {HeaderLength} to {MaxLength} bytes, this one {frame.Length}");
        }

        if (frame[0] != Version)
        {
            throw new IrProtocolException(IrRefusal.UnsupportedVersion, $"frame version {frame[0]}; this side speaks version {Version}");
        }

        var type = (IrFrameType)frame[1];
        if (!Enum.IsDefined(type))
        {
            throw new IrProtocolException(IrRefusal.Malformed, $"frame type {frame[1]} does not exist");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(frame[(2 + SessionIdLength)..]);
        return length == frame.Length - HeaderLength
            ? new IrFrame(type, frame.Slice(2, SessionIdLength).ToArray(), frame[HeaderLength..].ToArray())
            : throw new IrProtocolException(IrRefusal.Malformed, $"the header says {length} bytes of body, the frame has {frame.Length - HeaderLength}");
    }

    /// <summary>Reads a frame that must be of the given type at this point of the session.</summary>
    public static IrFrame Decode(ReadOnlySpan<byte> frame, IrFrameType expected)
    {
        var decoded = Decode(frame);
        return decoded.Type == expected
            ? decoded
            : throw new IrProtocolException(IrRefusal.UnexpectedFrame, $"expected frame {(int)expected} ({expected}), got {(int)decoded.Type} ({decoded.Type})");
    }

    /// <summary>The header of an encoded frame: the associated data of its encryption.</summary>
    internal static ReadOnlySpan<byte> Header(ReadOnlySpan<byte> frame) => frame[..HeaderLength];
}
