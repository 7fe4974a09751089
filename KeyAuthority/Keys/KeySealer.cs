using System.Text;
using NSec.Cryptography;

namespace SmsVending.KeyAuthority.Keys;

/// <summary>Seals key material at rest with XChaCha20-Poly1305 under the master key.</summary>
/// <remarks>
/// The record's identity is the associated data, so a sealed key copied onto another record fails to open.
/// Layout: 24-byte random nonce followed by the ciphertext and tag.
/// </remarks>
public sealed class KeySealer : IDisposable
{
    private static readonly AeadAlgorithm Algorithm = AeadAlgorithm.XChaCha20Poly1305;
    private readonly Key key;

    /// <summary>A sealer for a 32-byte master key.</summary>
    public KeySealer(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != Algorithm.KeySize)
        {
            throw new ArgumentException($"the master key has {Algorithm.KeySize} bytes", nameof(masterKey));
        }

        key = Key.Import(Algorithm, masterKey, KeyBlobFormat.RawSymmetricKey);
    }

    /// <summary>Encrypts and authenticates a secret bound to a record identity.</summary>
    public byte[] Seal(ReadOnlySpan<byte> secret, string recordId)
    {
        var sealedBytes = new byte[Algorithm.NonceSize + secret.Length + Algorithm.TagSize];
        var nonce = sealedBytes.AsSpan(0, Algorithm.NonceSize);
        System.Security.Cryptography.RandomNumberGenerator.Fill(nonce);
        Algorithm.Encrypt(key, nonce, Encoding.UTF8.GetBytes(recordId), secret, sealedBytes.AsSpan(Algorithm.NonceSize));
        return sealedBytes;
    }

    /// <summary>Opens a sealed secret; fails when the master key, the record identity or a single bit differs.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes, string recordId)
    {
        if (sealedBytes.Length < Algorithm.NonceSize + Algorithm.TagSize)
        {
            throw new SealedKeyException($"sealed data of {recordId} is truncated");
        }

        var secret = new byte[sealedBytes.Length - Algorithm.NonceSize - Algorithm.TagSize];
        var nonce = sealedBytes[..Algorithm.NonceSize];
        return Algorithm.Decrypt(key, nonce, Encoding.UTF8.GetBytes(recordId), sealedBytes[Algorithm.NonceSize..], secret)
            ? secret
            : throw new SealedKeyException($"sealed data of {recordId} does not open: wrong master key, or the store was altered");
    }

    /// <inheritdoc />
    public void Dispose() => key.Dispose();
}

/// <summary>Sealed key material could not be opened.</summary>
public sealed class SealedKeyException(string message) : Exception(message);
