namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>STS encryption algorithm codes.</summary>
public enum EncryptionAlgorithm
{
    /// <summary>The Standard Transfer Algorithm, 64-bit key.</summary>
    Ea07 = 7,

    /// <summary>MISTY1, 128-bit key.</summary>
    Ea11 = 11,
}
