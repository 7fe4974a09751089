namespace SmsVending.Contracts.Ir;

/// <summary>What both sides hold once frames 1 and 2 are through: the session, its expiry, the transcript they signed, and the process
/// key in its two directions (HKDF-SHA-256 over the X25519 secret, salted with the transcript). New for every purchase.</summary>
public sealed record IrSession(byte[] SessionId, string MeterNumber, DateTimeOffset ExpiresAt, byte[] Transcript, byte[] MeterToHost, byte[] HostToMeter)
{
    /// <summary>Bytes in each direction's key (ChaCha20-Poly1305).</summary>
    public const int KeyLength = 32;

    /// <summary>The session id in hex, as stored and logged.</summary>
    public string SessionHex => Convert.ToHexStringLower(SessionId);

    /// <summary>Both keys back to back, for the host to seal at rest between frames.</summary>
    public byte[] Keys => [.. MeterToHost, .. HostToMeter];

    /// <summary>A session restored from the host's store.</summary>
    public static IrSession Restore(byte[] sessionId, string meterNumber, DateTimeOffset expiresAt, byte[] transcript, ReadOnlySpan<byte> keys) =>
        keys.Length == 2 * KeyLength
            ? new IrSession(sessionId, meterNumber, expiresAt, transcript, keys[..KeyLength].ToArray(), keys[KeyLength..].ToArray())
            : throw new ArgumentException($"a session has two {KeyLength}-byte keys", nameof(keys));
}
