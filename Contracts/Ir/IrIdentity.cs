using NSec.Cryptography;

namespace SmsVending.Contracts.Ir;

/// <summary>Ed25519 identity keys: a meter's, made at manufacture, and the sales host's. Private keys travel as their 32-byte seed,
/// public keys as 32 raw bytes, both in hex where text is needed.</summary>
public static class IrIdentity
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    /// <summary>A new key pair from the CSPRNG, exportable so it can be stored (sealed by the host, in the meter's memory).</summary>
    public static Key Create() => Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    /// <summary>The private key's 32-byte seed.</summary>
    public static byte[] Export(Key key) => key.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>A private key from its seed.</summary>
    public static Key Import(ReadOnlySpan<byte> seed) =>
        Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    /// <summary>The public key's 32 bytes.</summary>
    public static byte[] PublicKeyOf(Key key) => key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    /// <summary>A public key from 64 hex digits; anything else is an <see cref="ArgumentException"/> saying so.</summary>
    public static PublicKey ParsePublicKey(string hex)
    {
        var text = hex.Trim();
        return text.Length == 64 && text.All(char.IsAsciiHexDigit) && PublicKey.TryImport(Algorithm, Convert.FromHexString(text), KeyBlobFormat.RawPublicKey, out var key)
            && key is not null
            ? key
            : throw new ArgumentException("an Ed25519 public key is 64 hex digits");
    }

    /// <summary>A public key from its 32 bytes.</summary>
    public static PublicKey ImportPublicKey(ReadOnlySpan<byte> raw) => ParsePublicKey(Convert.ToHexString(raw));
}
