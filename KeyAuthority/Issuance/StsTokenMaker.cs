using System.Security.Cryptography;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Meters;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>Makes the STS tokens for a meter row: pending key change sections first, then the TID-bearing token.</summary>
/// <remarks>It writes nothing: it moves the row object to its new key and TID, and the issuer stores it once the request is claimed.</remarks>
internal static class StsTokenMaker
{
    /// <summary>The tokens, and whether the pending key change was used.</summary>
    public static async Task<(List<IssuedToken> Tokens, bool ChangedKey)> MakeAsync(MeterRow meter, PendingKeyChange? change,
        Func<VendingKeyId, ValueTask<byte[]?>> vendingKeys, IssueToken request, DateTimeOffset now)
    {
        var tokens = new List<IssuedToken>();
        var key = await DeriveAsync(vendingKeys, meter);
        var changedKey = request.Operation == TokenOperation.Credit && change is not null;
        if (changedKey)
        {
            key = await ChangeKeyAsync(vendingKeys, meter, change!, new TokenEncoder(key, meter.Ea), tokens);
        }

        if (AmountProblem(request.Operation, request.Amount) is { } problem)
        {
            throw new TokenRejectionException(TokenRejection.AmountOutOfRange, problem);
        }

        var encoder = new TokenEncoder(key, meter.Ea);
        var tid = AllocateTid(meter, now);
        var rnd = RandomNumberGenerator.GetInt32(16);
        tokens.Add(request.Operation == TokenOperation.Credit
            ? Credit(encoder, meter, request.Amount, tid, rnd)
            : Management(encoder, request, tid, rnd));
        return (tokens, changedKey);
    }

    private static async Task<DecoderKey> DeriveAsync(Func<VendingKeyId, ValueTask<byte[]?>> vendingKeys, MeterRow meter)
    {
        var vendingKey = await vendingKeys(meter.VendingKey)
            ?? throw new TokenRejectionException(TokenRejection.KeyUnavailable, $"the key store has no vending key for {meter.VendingKey}");
        try
        {
            return meter.DecoderKey(vendingKey);
        }
        catch (ArgumentException e)
        {
            throw new TokenRejectionException(TokenRejection.KeyUnavailable, $"meter {meter.MeterNumber}'s key attributes cannot make a key: {e.Message}");
        }
    }

    /// <summary>Moves the row to the new key attributes and adds the sections, encrypted under the old key.</summary>
    private static async Task<DecoderKey> ChangeKeyAsync(Func<VendingKeyId, ValueTask<byte[]?>> vendingKeys, MeterRow meter, PendingKeyChange change,
        TokenEncoder oldEncoder, List<IssuedToken> tokens)
    {
        (meter.SupplyGroupCode, meter.TariffIndex, meter.KeyRevision, meter.KeyType, meter.KeyExpiry, meter.BaseDate, meter.Dkga, meter.Ea) =
            (change.SupplyGroupCode, change.TariffIndex, change.KeyRevision, change.KeyType, change.KeyExpiry, change.BaseDate, change.Dkga, change.Ea);
        var newKey = await DeriveAsync(vendingKeys, meter);
        var sections = oldEncoder.KeyChange(new KeyChangeOrder(newKey, meter.KeyRevision, meter.KeyType, meter.TariffIndex,
            (byte)meter.KeyExpiry, change.Rollover == 1, meter.SupplyGroupCode));
        int[] subclasses = sections.Count == 2 ? [3, 4] : [3, 4, 8, 9];
        tokens.AddRange(sections.Select((t, i) => new IssuedToken(t.ToString(), $"key change {i + 1}/{sections.Count}", TokenClass.Management, subclasses[i], null, null)));
        if (change.Rollover == 1)
        {
            meter.LastTid = null; // the meter clears its TID memory and counts from the new base date
        }

        return newKey;
    }

    /// <summary>TID = max(now, last + 1 minute); never reused, refused when it no longer fits 24 bits or the key has expired.</summary>
    private static int AllocateTid(MeterRow meter, DateTimeOffset now)
    {
        var end = TokenIdentifier.End(meter.BaseDate);
        long current = now > end ? TokenIdentifier.Max + 1L : TokenIdentifier.FromTime(now, meter.BaseDate);
        var tid = Math.Max(current, (meter.LastTid ?? -1) + 1L);
        if (tid > TokenIdentifier.Max)
        {
            throw new TokenRejectionException(TokenRejection.RolloverDue,
                $"meter {meter.MeterNumber}'s {(int)meter.BaseDate} base date has no TIDs left (it ended {end:yyyy-MM-dd HH:mm} UTC): a TID rollover key change is due");
        }

        if (meter.KeyExpiry != 0xFF && (tid >> 16) > meter.KeyExpiry)
        {
            throw new TokenRejectionException(TokenRejection.KeyExpired, $"meter {meter.MeterNumber}'s key expired (KEN {meter.KeyExpiry}): a key change is due");
        }

        meter.LastTid = (int)tid;
        return (int)tid;
    }

    private static IssuedToken Credit(TokenEncoder encoder, MeterRow meter, decimal units, int tid, int rnd)
    {
        var field = TokenAmount.Encode(TokenAmount.TenthsOf(units));
        var token = encoder.Credit(meter.CreditKind, field, tid, rnd);
        return new IssuedToken(token.ToString(), "credit", TokenClass.Credit, (int)meter.CreditKind, tid, TokenAmount.Decode(field) / 10m);
    }

    private static IssuedToken Management(TokenEncoder encoder, IssueToken request, int tid, int rnd)
    {
        var function = ManagementFunctionOf(request.Operation);
        var encoded = TokenClass.UsesAmountEncoding(function);
        var field = encoded ? TokenAmount.Encode((long)request.Amount) : (ushort)request.Amount;
        var token = encoder.Management(function, field, tid, rnd);
        return new IssuedToken(token.ToString(), "management", TokenClass.Management, (int)function, tid, encoded ? TokenAmount.Decode(field) : field);
    }

    private static string? AmountProblem(TokenOperation operation, decimal amount) => operation switch
    {
        TokenOperation.Credit when amount > TokenAmount.Max / 10m => $"the largest STS credit is {TokenAmount.Max / 10m}",
        TokenOperation.SetMaximumPowerLimit or TokenOperation.SetPhaseUnbalanceLimit when amount > TokenAmount.Max || amount != decimal.Truncate(amount)
            => $"a power limit is a whole number of watts up to {TokenAmount.Max}",
        TokenOperation.Credit or TokenOperation.SetMaximumPowerLimit or TokenOperation.SetPhaseUnbalanceLimit => null,
        _ when amount > ushort.MaxValue || amount != decimal.Truncate(amount) => "a register value is a whole number 0..65535",
        _ => null,
    };

    private static ManagementFunction ManagementFunctionOf(TokenOperation operation) => operation switch
    {
        TokenOperation.SetMaximumPowerLimit => ManagementFunction.SetMaximumPowerLimit,
        TokenOperation.ClearCredit => ManagementFunction.ClearCredit,
        TokenOperation.SetTariffRate => ManagementFunction.SetTariffRate,
        TokenOperation.ClearTamper => ManagementFunction.ClearTamper,
        TokenOperation.SetPhaseUnbalanceLimit => ManagementFunction.SetPhaseUnbalanceLimit,
        TokenOperation.SetWaterMeterFactor => ManagementFunction.SetWaterMeterFactor,
        _ => throw new TokenRejectionException(TokenRejection.UnsupportedOperation, $"an STS meter takes no {operation} token"),
    };
}
