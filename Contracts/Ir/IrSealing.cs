using NSec.Cryptography;

namespace SmsVending.Contracts.Ir;

/// <summary>Frames 3 and 4: the content signed by its sender (Ed25519 over the transcript and the content), then encrypted with
/// ChaCha20-Poly1305 under the session's key for that direction, the frame header as associated data.</summary>
/// <remarks>Each direction's key encrypts exactly one frame, so the nonce is fixed per frame type. Both sides must therefore never seal
/// two different contents in one session: the meter signs one request per session and the host stores its one confirmation and sends
/// those same bytes again.</remarks>
public static class IrSealing
{
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.ChaCha20Poly1305;

    /// <summary>Meter: frame 3, the purchase request signed with the meter's identity key.</summary>
    public static byte[] Request(IrSession session, Key meterIdentity, IrPurchaseRequest request) =>
        Seal(IrFrameType.Request, session, session.MeterToHost, session.Transcript, meterIdentity, request.Encode());

    /// <summary>Host: opens frame 3 and checks the meter's signature; the request and the transcript the confirmation is signed over.</summary>
    public static (IrPurchaseRequest Request, byte[] Transcript) OpenRequest(ReadOnlySpan<byte> frame, IrSession session, PublicKey meterIdentity)
    {
        var request = IrPurchaseRequest.Decode(Open(frame, IrFrameType.Request, session, session.MeterToHost, session.Transcript, meterIdentity));
        return request.MeterNumber == session.MeterNumber
            ? (request, RequestTranscript(session.Transcript, frame))
            : throw new IrProtocolException(IrRefusal.UnknownMeter, $"the request is for meter {request.MeterNumber}, the session for {session.MeterNumber}");
    }

    /// <summary>The transcript after frame 3 (from the session's transcript after frame 2): what the confirmation is signed over.</summary>
    public static byte[] RequestTranscript(ReadOnlySpan<byte> sessionTranscript, ReadOnlySpan<byte> requestFrame) => IrTranscript.Next(sessionTranscript, requestFrame);

    /// <summary>Host: frame 4, the confirmation signed with the host's identity key.</summary>
    public static byte[] Confirmation(IrSession session, ReadOnlySpan<byte> requestTranscript, Key hostIdentity, IrConfirmation confirmation) =>
        Seal(IrFrameType.Confirmation, session, session.HostToMeter, requestTranscript, hostIdentity, confirmation.Encode());

    /// <summary>Meter: opens frame 4 and checks the host's signature and that it is for this meter.</summary>
    public static IrConfirmation OpenConfirmation(ReadOnlySpan<byte> frame, IrSession session, ReadOnlySpan<byte> requestTranscript, PublicKey hostIdentity)
    {
        var confirmation = IrConfirmation.Decode(Open(frame, IrFrameType.Confirmation, session, session.HostToMeter, requestTranscript, hostIdentity));
        return confirmation.MeterNumber == session.MeterNumber
            ? confirmation
            : throw new IrProtocolException(IrRefusal.UnknownMeter, $"the confirmation is for meter {confirmation.MeterNumber}, not {session.MeterNumber}");
    }

    private static byte[] Seal(IrFrameType type, IrSession session, byte[] key, ReadOnlySpan<byte> transcript, Key signer, byte[] content)
    {
        byte[] plaintext = [.. content, .. SignatureAlgorithm.Ed25519.Sign(signer, IrTranscript.Signed(type, transcript, content))];
        var frame = new IrFrame(type, session.SessionId, new byte[plaintext.Length + Aead.TagSize]).Encode();
        using var aeadKey = Key.Import(Aead, key, KeyBlobFormat.RawSymmetricKey);
        Aead.Encrypt(aeadKey, Nonce(type), IrFrame.Header(frame), plaintext, frame.AsSpan(IrFrame.HeaderLength));
        return frame;
    }

    private static byte[] Open(ReadOnlySpan<byte> encoded, IrFrameType type, IrSession session, byte[] key, ReadOnlySpan<byte> transcript, PublicKey signer)
    {
        var frame = IrFrame.Decode(encoded, type);
        if (!frame.SessionId.AsSpan().SequenceEqual(session.SessionId))
        {
            throw new IrProtocolException(IrRefusal.UnknownSession, $"the frame belongs to session {frame.SessionHex}, not {session.SessionHex}");
        }

        if (frame.Body.Length < Aead.TagSize + IrHostHello.SignatureLength)
        {
            throw new IrProtocolException(IrRefusal.Malformed, $"frame {(int)type} is too short to hold a signature and a tag");
        }

        var plaintext = new byte[frame.Body.Length - Aead.TagSize];
        using var aeadKey = Key.Import(Aead, key, KeyBlobFormat.RawSymmetricKey);
        if (!Aead.Decrypt(aeadKey, Nonce(type), IrFrame.Header(encoded), frame.Body, plaintext))
        {
            throw new IrProtocolException(IrRefusal.Undecryptable, $"frame {(int)type} does not decrypt under this session's key: altered, or from another session");
        }

        var content = plaintext.AsSpan(0, plaintext.Length - IrHostHello.SignatureLength);
        return SignatureAlgorithm.Ed25519.Verify(signer, IrTranscript.Signed(type, transcript, content), plaintext.AsSpan(content.Length))
            ? content.ToArray()
            : throw new IrProtocolException(IrRefusal.BadSignature, $"frame {(int)type}'s signature does not verify: signed by another key, or for another transcript");
    }

    // One frame per key and direction: the frame type alone makes the nonce unique.
    private static byte[] Nonce(IrFrameType type)
    {
        var nonce = new byte[Aead.NonceSize];
        nonce[^1] = (byte)type;
        return nonce;
    }
}
