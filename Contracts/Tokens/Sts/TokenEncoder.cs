namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>Makes tokens for one meter key: seal the block with its CRC, encrypt, transpose the class bits.</summary>
/// <remarks>Prepare one encoder per key and reuse it: the cipher's key schedule is worked out once.</remarks>
public sealed class TokenEncoder
{
    private readonly TokenCipher cipher;

    /// <summary>An encoder for a prepared cipher.</summary>
    public TokenEncoder(TokenCipher cipher) => this.cipher = cipher ?? throw new ArgumentNullException(nameof(cipher));

    /// <summary>An encoder for a decoder key under an encryption algorithm.</summary>
    public TokenEncoder(DecoderKey key, EncryptionAlgorithm algorithm)
        : this(TokenCipher.Create(key, algorithm))
    {
    }

    /// <summary>A class 0 credit token with an already encoded amount field (see <see cref="TokenAmount"/>).</summary>
    public StsToken Credit(CreditKind kind, ushort amountField, int tid, int rnd) =>
        Encrypted(TokenClass.Credit, TokenLayout.Register((int)kind, rnd, tid, amountField));

    /// <summary>A class 2 register token; the field is raw, or amount-encoded watts for the power limits.</summary>
    public StsToken Management(ManagementFunction function, ushort field, int tid, int rnd) =>
        Encrypted(TokenClass.Management, TokenLayout.Register((int)function, rnd, tid, field));

    /// <summary>Key change tokens encrypted under this (the old) key: two sections for a 64-bit new key, four for 128.</summary>
    public IReadOnlyList<StsToken> KeyChange(KeyChangeOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Array.ConvertAll(TokenLayout.KeyChange(order), block => Encrypted(TokenClass.Management, block));
    }

    /// <summary>A class 1 test token; it is not encrypted, so it needs no key.</summary>
    public static StsToken Test(int subclass, ulong control, int manufacturer) =>
        StsToken.FromBlock(TokenClass.Test, TokenCrc.Seal(TokenClass.Test, TokenLayout.Test(subclass, control, manufacturer)));

    private StsToken Encrypted(int tokenClass, ulong block) =>
        StsToken.FromBlock(tokenClass, cipher.Encrypt(TokenCrc.Seal(tokenClass, block)));
}
