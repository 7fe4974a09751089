namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>What a set of key change tokens tells a meter: its new key and the attributes that go with it.</summary>
/// <param name="NewKey">The new decoder key; 64 bits travel in two sections, 128 bits in four.</param>
/// <param name="KeyRevision">The new KRN (1..9).</param>
/// <param name="KeyType">The new KT.</param>
/// <param name="TariffIndex">The new TI (0..99).</param>
/// <param name="KeyExpiryNumber">The new KEN; 0xFF never expires.</param>
/// <param name="Rollover">RO: move to the next base date and clear the TID memory.</param>
/// <param name="SupplyGroupCode">The new SGC, carried only by the 3rd and 4th sections of a 128-bit key.</param>
public sealed record KeyChangeOrder(
    DecoderKey NewKey,
    int KeyRevision,
    KeyType KeyType,
    int TariffIndex,
    byte KeyExpiryNumber = 0xFF,
    bool Rollover = false,
    int SupplyGroupCode = 0);

/// <summary>One decoded key change section (class 2, subclass 3, 4, 8 or 9).</summary>
/// <param name="Section">1..4.</param>
/// <param name="KeyBits">The 32 new key bits this section carries.</param>
/// <param name="KenNibble">Sections 1 and 2: high and low nibble of the new KEN.</param>
/// <param name="KeyRevision">Section 1: the new KRN.</param>
/// <param name="Rollover">Section 1: the RO bit.</param>
/// <param name="KeyType">Section 1: the new KT.</param>
/// <param name="TariffIndex">Section 2: the new TI.</param>
/// <param name="SupplyGroupCodePart">Sections 3 and 4: high and low 12 bits of the new SGC.</param>
public sealed record KeyChangeSection(
    int Section,
    uint KeyBits,
    int? KenNibble = null,
    int? KeyRevision = null,
    bool? Rollover = null,
    KeyType? KeyType = null,
    int? TariffIndex = null,
    int? SupplyGroupCodePart = null);
