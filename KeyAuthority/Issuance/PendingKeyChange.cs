using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>A scheduled key change as stored (ka_key_changes), read with its meter.</summary>
internal sealed class PendingKeyChange
{
    public int SupplyGroupCode { get; set; }
    public int TariffIndex { get; set; }
    public int KeyRevision { get; set; }
    public KeyType KeyType { get; set; }
    public int KeyExpiry { get; set; }
    public BaseDate BaseDate { get; set; }
    public int Dkga { get; set; }
    public EncryptionAlgorithm Ea { get; set; }
    public int Rollover { get; set; }
}
