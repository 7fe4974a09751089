using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Audit;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Meters;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>Issues a batch of requests in one transaction; each request is all-or-nothing within it.</summary>
/// <remarks>
/// Order per request: read the meter and any answer stored for the request id (issued before: that answer is returned, nothing is
/// written), make its tokens (rejections write nothing), then claim the request id with its answer and store the meter's new
/// TID/key/count and the audit entries. The batch holds the audit head's lock throughout, so no other issuer claims meanwhile.
/// </remarks>
internal static class IssuanceBatch
{
    public sealed record Dependencies(VendingKeyStore Keys, OpenPaygoTokenMaker OpenPaygo, TimeProvider Clock);

    private const string SaveKey = """
        UPDATE ka_meters SET supply_group_code = @SupplyGroupCode, tariff_index = @TariffIndex, key_revision = @KeyRevision,
            key_type = @KeyType, key_expiry = @KeyExpiry, base_date = @BaseDate, dkga = @Dkga, ea = @Ea, last_tid = @LastTid
        WHERE meter_number = @MeterNumber
        """;

    public static async Task<IssueResult[]> RunAsync(IssuanceStatements statements, Dependencies dependencies, IReadOnlyList<IssueToken> requests,
        CancellationToken cancellationToken = default)
    {
        var now = dependencies.Clock.GetUtcNow();
        var connection = statements.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        statements.Enlist(transaction);
        var tail = await AuditTail.LockAsync(connection, transaction, statements.AppendAudit, cancellationToken);
        var vendingKeys = new Dictionary<VendingKeyId, byte[]?>();
        try
        {
            var results = new IssueResult[requests.Count];
            for (var i = 0; i < requests.Count; i++)
            {
                results[i] = await IssueAsync(statements, transaction, tail, dependencies, vendingKeys, requests[i], now, cancellationToken);
            }

            await tail.SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return results;
        }
        finally
        {
            foreach (var key in vendingKeys.Values)
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }

    public static IssueResult Rejected(IssueToken request, TokenRejection reason, string message) =>
        new(null, new TokenRequestRejected(request.RequestId, reason, message));

    private static async Task<IssueResult> IssueAsync(IssuanceStatements statements, DbTransaction transaction, AuditTail tail, Dependencies dependencies,
        Dictionary<VendingKeyId, byte[]?> vendingKeys, IssueToken request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var meterNumber = MeterReference.Normalised(request.MeterNumber);
        var id = request.RequestId.ToString("N");
        List<IssuedToken> tokens;
        MeterRow meter;
        var changedKey = false;
        try
        {
            // One read for the meter, its pending key change and an answer stored for the request.
            var (found, change, stored) = await statements.ReadAsync(meterNumber, id, cancellationToken);
            if (stored is not null)
            {
                return new IssueResult(JsonSerializer.Deserialize(stored, IssuanceJson.Default.TokenSetIssued)!, null);
            }

            meter = found ?? throw new TokenRejectionException(TokenRejection.UnknownMeter, MeterReference.UnknownMessage(request.MeterNumber));
            if (meter.Profile == TokenProfile.Sts)
            {
                async ValueTask<byte[]?> VendingKey(VendingKeyId id) => vendingKeys.TryGetValue(id, out var known) ? known
                    : vendingKeys[id] = await dependencies.Keys.OpenAsync(statements.Connection, transaction, id, cancellationToken);
                (tokens, changedKey) = await StsTokenMaker.MakeAsync(meter, change, VendingKey, request, now);
            }
            else
            {
                tokens = [dependencies.OpenPaygo.Make(meter, request)];
            }
        }
        catch (TokenRejectionException e)
        {
            return Rejected(request, e.Reason, e.Message);
        }

        var issued = new TokenSetIssued(request.RequestId, meter.MeterNumber, tokens, now);
        var result = JsonSerializer.Serialize(issued, IssuanceJson.Default.TokenSetIssued);
        AuditEntry Entry(IssuedToken token) => new(now.ToUnixTimeMilliseconds(), meter.MeterNumber, id, request.Requester, token.Class, token.Subclass,
            token.Tid, token.Amount?.ToString(CultureInfo.InvariantCulture));
        if (tokens is [var only] && !changedKey)
        {
            await statements.IssueOneAsync(result, meter, Entry(only), tail, cancellationToken);
            return new IssueResult(issued, null);
        }

        await statements.ClaimAsync(id, meter.MeterNumber, result, now.ToUnixTimeMilliseconds(), cancellationToken);
        if (changedKey)
        {
            // Rare (once per key change), so plain Dapper commands.
            CommandDefinition Command(string sql, object parameters) => new(sql, parameters, transaction, cancellationToken: cancellationToken);
            await statements.Connection.ExecuteAsync(Command(SaveKey, MeterStore.Parameters(meter)));
            await statements.Connection.ExecuteAsync(Command("DELETE FROM ka_key_changes WHERE meter_number = @MeterNumber", new { meter.MeterNumber }));
        }
        else
        {
            await statements.SaveCountersAsync(meter, cancellationToken);
        }

        foreach (var token in tokens)
        {
            await tail.AppendAsync(Entry(token), cancellationToken);
        }

        return new IssueResult(issued, null);
    }
}
