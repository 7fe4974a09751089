using System.Security.Cryptography;
using NSec.Cryptography;

namespace SmsVending.Contracts.Ir;

/// <summary>Frames 1 and 2: the meter says who it is with a fresh ephemeral key; the host answers with its own, signs the transcript,
/// and both derive the process key. The meter authenticates itself by signing frame 3 over this transcript.</summary>
public static class IrHandshake
{
    /// <summary>Meter: frame 1 and the ephemeral key to keep until frame 2 arrives.</summary>
    public static IrMeterHello Hello(string meterNumber)
    {
        var ephemeral = Key.Create(KeyAgreementAlgorithm.X25519);
        var hello = new IrHello(meterNumber, ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey), RandomNumberGenerator.GetBytes(IrHello.NonceLength));
        return new IrMeterHello(new IrFrame(IrFrameType.Hello, new byte[IrFrame.SessionIdLength], hello.Encode()).Encode(), hello.MeterNumber, ephemeral);
    }

    /// <summary>Host: reads frame 1 (to find the meter) without committing to anything.</summary>
    public static IrHello ReadHello(ReadOnlySpan<byte> helloFrame) => IrHello.Decode(IrFrame.Decode(helloFrame, IrFrameType.Hello).Body);

    /// <summary>Host: frame 2 for a new session, and the session (whose keys the host keeps sealed until the confirmation).</summary>
    public static (byte[] Frame, IrSession Session) Answer(ReadOnlySpan<byte> helloFrame, Key hostIdentity, byte[] sessionId, DateTimeOffset expiresAt)
    {
        var hello = ReadHello(helloFrame);
        using var ephemeral = Key.Create(KeyAgreementAlgorithm.X25519);
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()); // the frame carries whole seconds
        var body = new IrHostHello(ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey), RandomNumberGenerator.GetBytes(IrHello.NonceLength), expiresAt,
            new byte[IrHostHello.SignatureLength]);
        var frame = new IrFrame(IrFrameType.HostHello, sessionId, body.Encode()).Encode();
        var signed = frame.AsSpan(0, frame.Length - IrHostHello.SignatureLength);
        var transcript = IrTranscript.Next(IrTranscript.First(helloFrame), signed);
        SignatureAlgorithm.Ed25519.Sign(hostIdentity, IrTranscript.Signed(IrFrameType.HostHello, transcript, []), frame.AsSpan(signed.Length));
        var (meterToHost, hostToMeter) = IrKeySchedule.Derive(ephemeral, hello.EphemeralKey, transcript);
        return (frame, new IrSession(sessionId, hello.MeterNumber, expiresAt, transcript, meterToHost, hostToMeter));
    }

    /// <summary>Meter: checks frame 2 against its frame 1 and the host key it trusts, and derives the same session.</summary>
    public static IrSession Accept(IrMeterHello hello, ReadOnlySpan<byte> hostHelloFrame, PublicKey hostKey)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var frame = IrFrame.Decode(hostHelloFrame, IrFrameType.HostHello);
        var body = IrHostHello.Decode(frame.Body);
        var transcript = IrTranscript.Next(IrTranscript.First(hello.Frame), hostHelloFrame[..^IrHostHello.SignatureLength]);
        if (!SignatureAlgorithm.Ed25519.Verify(hostKey, IrTranscript.Signed(IrFrameType.HostHello, transcript, []), body.Signature))
        {
            throw new IrProtocolException(IrRefusal.BadSignature, "the host's signature does not verify: not our host, not an answer to this hello, or altered");
        }

        var (meterToHost, hostToMeter) = IrKeySchedule.Derive(hello.Ephemeral, body.EphemeralKey, transcript);
        return new IrSession(frame.SessionId, hello.MeterNumber, body.ExpiresAt, transcript, meterToHost, hostToMeter);
    }
}

/// <summary>The meter's frame 1 and the ephemeral X25519 key it needs for frame 2 (disposed once the session is derived).</summary>
public sealed record IrMeterHello(byte[] Frame, string MeterNumber, Key Ephemeral) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Ephemeral.Dispose();
}
