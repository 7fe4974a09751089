using System.Security.Cryptography;
using NSec.Cryptography;

namespace SmsVending.Contracts.Ir;

/// <summary>The process key: X25519 between the two ephemeral keys, then HKDF-SHA-256 with the transcript as salt and one label per
/// direction, so each direction has its own key and a frame can never be reflected back to its sender.</summary>
internal static class IrKeySchedule
{
    private static readonly byte[] MeterToHost = "SmsVending IR v1 process key meter to host"u8.ToArray();
    private static readonly byte[] HostToMeter = "SmsVending IR v1 process key host to meter"u8.ToArray();

    public static (byte[] MeterToHost, byte[] HostToMeter) Derive(Key ephemeral, ReadOnlySpan<byte> peerKey, ReadOnlySpan<byte> transcript)
    {
        if (!PublicKey.TryImport(KeyAgreementAlgorithm.X25519, peerKey, KeyBlobFormat.RawPublicKey, out var peer) || peer is null)
        {
            throw new IrProtocolException(IrRefusal.KeyAgreementFailed, "the other side's ephemeral key is not an X25519 key");
        }

        try
        {
            using var secret = KeyAgreementAlgorithm.X25519.Agree(ephemeral, peer)
                ?? throw new IrProtocolException(IrRefusal.KeyAgreementFailed, "the key agreement gave no usable secret");
            var kdf = KeyDerivationAlgorithm.HkdfSha256;
            return (kdf.DeriveBytes(secret, transcript, MeterToHost, IrSession.KeyLength), kdf.DeriveBytes(secret, transcript, HostToMeter, IrSession.KeyLength));
        }
        catch (CryptographicException)
        {
            // A low-order point gives an all-zero secret, which NSec refuses.
            throw new IrProtocolException(IrRefusal.KeyAgreementFailed, "the key agreement gave no usable secret");
        }
    }
}
