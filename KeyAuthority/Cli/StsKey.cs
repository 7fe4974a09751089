using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>A decoder key resolved from the command line, and where it came from when it was derived.</summary>
internal sealed record StsKey(DecoderKey DecoderKey, EncryptionAlgorithm Algorithm, BaseDate BaseDate, StsKeySource? Source)
{
    public TokenEncoder Encoder() => new(DecoderKey, Algorithm);
}

/// <summary>A vending key and the meter attributes a decoder key was derived from.</summary>
internal sealed record StsKeySource(byte[] VendingKey, KeyIdentity Identity)
{
    public DecoderKey Derive(KeyIdentity identity) => DecoderKeyGeneration.Derive(VendingKey, identity);
}
