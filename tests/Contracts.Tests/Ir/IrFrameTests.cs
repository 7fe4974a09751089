using SmsVending.Contracts.Ir;

namespace SmsVending.Contracts.Tests.Ir;

public class IrFrameTests
{
    private static readonly byte[] Session = [.. Enumerable.Range(1, 16).Select(i => (byte)i)];

    [Fact]
    public void Decode_OfEncode_GivesTheFrameBack()
    {
        var frame = new IrFrame(IrFrameType.Request, Session, [9, 8, 7]);

        var decoded = IrFrame.Decode(frame.Encode());

        Assert.Equal(IrFrameType.Request, decoded.Type);
        Assert.Equal(Session, decoded.SessionId);
        Assert.Equal([9, 8, 7], decoded.Body);
        Assert.Equal("0102030405060708090a0b0c0d0e0f10", decoded.SessionHex);
    }

    [Fact]
    public void Encode_LaysOutTheHeaderBigEndian()
    {
        var encoded = new IrFrame(IrFrameType.HostHello, Session, new byte[0x0102]).Encode();

        Assert.Equal(IrFrame.HeaderLength + 0x0102, encoded.Length);
        Assert.Equal([1, 2], encoded[..2]);
        Assert.Equal(Session, encoded[2..18]);
        Assert.Equal([0x01, 0x02], encoded[18..20]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(IrFrame.HeaderLength - 1)]
    [InlineData(IrFrame.MaxLength + 1)]
    public void Decode_WrongSize_IsMalformed(int length)
    {
        var error = Assert.Throws<IrProtocolException>(() => IrFrame.Decode(new byte[length]));

        Assert.Equal(IrRefusal.Malformed, error.Reason);
    }

    [Fact]
    public void Decode_AnotherVersion_IsUnsupported()
    {
        var encoded = new IrFrame(IrFrameType.Hello, Session, [1]).Encode();
        encoded[0] = 2;

        Assert.Equal(IrRefusal.UnsupportedVersion, Assert.Throws<IrProtocolException>(() => IrFrame.Decode(encoded)).Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Decode_UnknownType_IsMalformed(byte type)
    {
        var encoded = new IrFrame(IrFrameType.Hello, Session, [1]).Encode();
        encoded[1] = type;

        Assert.Equal(IrRefusal.Malformed, Assert.Throws<IrProtocolException>(() => IrFrame.Decode(encoded)).Reason);
    }

    [Fact]
    public void Decode_LengthFieldDisagreesWithTheFrame_IsMalformed()
    {
        var encoded = new IrFrame(IrFrameType.Hello, Session, [1, 2]).Encode();

        var error = Assert.Throws<IrProtocolException>(() => IrFrame.Decode(encoded[..^1]));

        Assert.Equal(IrRefusal.Malformed, error.Reason);
        Assert.Contains("says 2 bytes of body", error.Message);
    }

    [Fact]
    public void Decode_OfAnotherTypeThanExpected_IsUnexpected()
    {
        var encoded = new IrFrame(IrFrameType.Confirmation, Session, [1]).Encode();

        var error = Assert.Throws<IrProtocolException>(() => IrFrame.Decode(encoded, IrFrameType.Request));

        Assert.Equal(IrRefusal.UnexpectedFrame, error.Reason);
    }

    [Fact]
    public void Encode_BodyOverTheLimit_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new IrFrame(IrFrameType.Request, Session, new byte[IrFrame.MaxBodyLength + 1]).Encode());
}
