namespace SmsVending.Contracts.Ir;

/// <summary>Frame 2's body: the host's ephemeral X25519 public key, its nonce, when the session expires, and the host's Ed25519
/// signature over the transcript (frame 1 and frame 2 up to the signature).</summary>
public sealed record IrHostHello(byte[] EphemeralKey, byte[] Nonce, DateTimeOffset ExpiresAt, byte[] Signature)
{
    /// <summary>Bytes in an Ed25519 signature.</summary>
    public const int SignatureLength = 64;

    /// <summary>The body's bytes.</summary>
    public byte[] Encode() =>
        new IrWriter().Bytes(EphemeralKey).Bytes(Nonce).Int64(ExpiresAt.ToUnixTimeSeconds()).Bytes(Signature).ToArray();

    /// <summary>Reads a body; a wrong layout is refused.</summary>
    public static IrHostHello Decode(ReadOnlySpan<byte> body)
    {
        var reader = new IrReader(body, "host hello");
        var key = reader.Bytes(IrHello.KeyLength).ToArray();
        var nonce = reader.Bytes(IrHello.NonceLength).ToArray();
        var seconds = reader.Int64();
        var signature = reader.Bytes(SignatureLength).ToArray();
        reader.End();
        return seconds is >= 0 and <= 253402300799 // up to the end of year 9999
            ? new IrHostHello(key, nonce, DateTimeOffset.FromUnixTimeSeconds(seconds), signature)
            : throw new IrProtocolException(IrRefusal.Malformed, "the host hello's expiry is out of range");
    }
}
