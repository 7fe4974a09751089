namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>A 64-bit block cipher prepared for one decoder key: EA07 (STA) or EA11 (MISTY1).</summary>
public abstract class TokenCipher
{
    /// <summary>Encrypts one 64-bit token block.</summary>
    public abstract ulong Encrypt(ulong block);

    /// <summary>Decrypts one 64-bit token block.</summary>
    public abstract ulong Decrypt(ulong block);

    /// <summary>Prepares the cipher the algorithm names; the key's length must suit it.</summary>
    public static TokenCipher Create(DecoderKey key, EncryptionAlgorithm algorithm) => algorithm switch
    {
        EncryptionAlgorithm.Ea07 when key.Bits == 64 => new StandardTransferAlgorithm((ulong)key.Value),
        EncryptionAlgorithm.Ea11 when key.Bits == 128 => new Misty1Cipher(key.Value),
        EncryptionAlgorithm.Ea07 or EncryptionAlgorithm.Ea11 => throw new ArgumentException(
            $"EA{(int)algorithm:00} needs a {(algorithm == EncryptionAlgorithm.Ea07 ? 64 : 128)}-bit decoder key, got {key.Bits} bits",
            nameof(key)),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown encryption algorithm"),
    };
}
