using System.Security.Cryptography;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Issuance;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Decoding;

/// <summary>Explains a token to call-centre staff: which meter, when, how much, and whether we issued it. No key leaves.</summary>
/// <remarks>
/// The token is decoded under the meter's current key (its TID and base date give the time). A token that does not decode
/// (one issued before a key change, or a key change section itself, which travels under the old key) is still explained
/// when the issuance records hold exactly its digits for this meter: the meter row keeps only its current key attributes,
/// so the records stand in for earlier keys.
/// </remarks>
internal sealed class StaffTokenDecoder(KeyAuthorityDatabase database, MeterStore meters, VendingKeyStore keys, IssuanceRecords records)
{
    public async Task<(TokenDecoded? Decoded, TokenDecodeRefused? Refused)> DecodeAsync(DecodeToken request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var meterNumber = MeterReference.Normalised(request.MeterNumber);
        (TokenDecoded?, TokenDecodeRefused?) Refuse(string reason) => (null, new TokenDecodeRefused(meterNumber, reason));
        var meter = await meters.FindAsync(meterNumber, cancellationToken);
        if (meter is null)
        {
            return Refuse(MeterReference.UnknownMessage(request.MeterNumber));
        }

        if (meter.Profile != TokenProfile.Sts)
        {
            return Refuse($"meter {meterNumber} takes OpenPAYGO tokens; only STS tokens are decoded");
        }

        if (!StsToken.TryParse(request.Token, out var token, out var error))
        {
            return Refuse(error);
        }

        var record = await records.FindTokenAsync(meterNumber, token.ToString(), cancellationToken);
        var cipher = token.Class == TokenClass.Test ? null : await CipherAsync(meter, cancellationToken);
        var decoded = token.Class == TokenClass.Test || cipher is not null ? TokenDecoder.Decode(token, cipher) : null;
        if (decoded is { CrcOk: true })
        {
            var issuedAt = decoded.Tid is { } tid ? TokenIdentifier.ToTime(tid, meter.BaseDate) : record?.Set.IssuedAt;
            return (Explained(meterNumber, decoded.Class, decoded.Subclass, issuedAt, decoded.Amount, record), null);
        }

        if (record is { } issued)
        {
            return (Explained(meterNumber, issued.Token.Class, issued.Token.Subclass, issued.Set.IssuedAt, issued.Token.Amount, record), null);
        }

        return Refuse(decoded is null
            ? $"meter {meterNumber}'s key cannot be made (the key store has no vending key for {meter.VendingKey}) and no such token was issued for it"
            : $"not a token for meter {meterNumber}: it does not decode under the meter's key (a mistyped digit, or another meter's token) and was never issued for it");
    }

    private static TokenDecoded Explained(string meterNumber, int tokenClass, int subclass, DateTimeOffset? issuedAt, decimal? amount,
        (TokenSetIssued Set, IssuedToken Token)? record)
    {
        var unit = TokenDescriptions.Unit(tokenClass, subclass);
        return new TokenDecoded(meterNumber, TokenDescriptions.Describe(tokenClass, subclass), tokenClass, subclass, issuedAt, unit is null ? null : amount, unit,
            record is not null, record?.Set.RequestId.ToString());
    }

    /// <summary>The meter's current decoder key as a cipher, or null when the store lacks its vending key; the vending key is wiped.</summary>
    private async Task<TokenCipher?> CipherAsync(MeterRow meter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var vendingKey = await keys.OpenAsync(connection, null, meter.VendingKey, cancellationToken);
        if (vendingKey is null)
        {
            return null;
        }

        try
        {
            return TokenCipher.Create(meter.DecoderKey(vendingKey), meter.Ea);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(vendingKey);
        }
    }
}
