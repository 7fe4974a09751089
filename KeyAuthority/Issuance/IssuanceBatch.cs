using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Audit;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>Issues a batch of requests in one transaction; each request is all-or-nothing within it.</summary>
/// <remarks>
/// Order per request: read the meter and make its tokens (rejections write nothing), then claim the request id
/// with its answer under the unique key, and only if that claim is new store the meter's new TID/key/count and
/// the audit entries. A duplicate claim means "already issued": the stored answer is returned, nothing else is written.
/// </remarks>
internal static class IssuanceBatch
{
    public sealed record Dependencies(VendingKeyStore Keys, OpenPaygoTokenMaker OpenPaygo, TimeProvider Clock);

    private const string Claim = """
        INSERT INTO ka_requests (request_id, meter_number, result, issued_at) VALUES (@RequestId, @MeterNumber, @Result, @At)
        ON CONFLICT (request_id) DO NOTHING
        """;

    private const string SelectMeter = """
        SELECT m.meter_number, m.profile, m.supply_group_code, m.tariff_index, m.key_revision, m.key_type, m.key_expiry, m.base_date,
               m.dkga, m.ea, m.credit_kind, m.last_tid, m.starting_code, m.device_count, m.time_divider, m.restricted, m.sealed_device_key,
               c.rollover, c.supply_group_code, c.tariff_index, c.key_revision, c.key_type, c.key_expiry, c.base_date, c.dkga, c.ea
        FROM ka_meters m LEFT JOIN ka_key_changes c ON c.meter_number = m.meter_number
        WHERE m.meter_number = @MeterNumber
        """;

    private const string SaveCounters = "UPDATE ka_meters SET last_tid = @LastTid, device_count = @DeviceCount WHERE meter_number = @MeterNumber";

    private const string SaveKey = """
        UPDATE ka_meters SET supply_group_code = @SupplyGroupCode, tariff_index = @TariffIndex, key_revision = @KeyRevision,
            key_type = @KeyType, key_expiry = @KeyExpiry, base_date = @BaseDate, dkga = @Dkga, ea = @Ea, last_tid = @LastTid
        WHERE meter_number = @MeterNumber
        """;

    public static async Task<IssueResult[]> RunAsync(KeyAuthorityDatabase database, Dependencies dependencies, IReadOnlyList<IssueToken> requests,
        CancellationToken cancellationToken = default)
    {
        var now = dependencies.Clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tail = await AuditTail.LockAsync(connection, transaction, cancellationToken);
        var vendingKeys = new Dictionary<VendingKeyId, byte[]?>();
        try
        {
            var results = new IssueResult[requests.Count];
            for (var i = 0; i < requests.Count; i++)
            {
                results[i] = await IssueAsync(connection, transaction, tail, dependencies, vendingKeys, requests[i], now, cancellationToken);
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

    private static async Task<IssueResult> IssueAsync(DbConnection connection, DbTransaction transaction, AuditTail tail, Dependencies dependencies,
        Dictionary<VendingKeyId, byte[]?> vendingKeys, IssueToken request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        CommandDefinition Command(string sql, object? parameters) => new(sql, parameters, transaction, cancellationToken: cancellationToken);
        var meterNumber = MeterReference.Normalised(request.MeterNumber);
        List<IssuedToken> tokens;
        MeterRow meter;
        PendingKeyChange? change;
        var changedKey = false;
        try
        {
            // One read for the meter and its pending key change.
            (meter, change) = (await connection.QueryAsync<MeterRow, PendingKeyChange?, (MeterRow, PendingKeyChange?)>(
                Command(SelectMeter, new { MeterNumber = meterNumber }), (m, c) => (m, c), splitOn: "rollover")).SingleOrDefault();
            if (meter is null)
            {
                throw new TokenRejectionException(TokenRejection.UnknownMeter, MeterReference.UnknownMessage(request.MeterNumber));
            }

            if (meter.Profile == TokenProfile.Sts)
            {
                async ValueTask<byte[]?> VendingKey(VendingKeyId id) => vendingKeys.TryGetValue(id, out var known) ? known
                    : vendingKeys[id] = await dependencies.Keys.OpenAsync(connection, transaction, id, cancellationToken);
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

        var id = request.RequestId.ToString("N");
        var issued = new TokenSetIssued(request.RequestId, meter.MeterNumber, tokens, now);
        var claimed = await connection.ExecuteAsync(Command(Claim, new
        {
            RequestId = id, meter.MeterNumber, Result = JsonSerializer.Serialize(issued, IssuanceJson.Default.TokenSetIssued), At = now.ToUnixTimeMilliseconds(),
        })) == 1;
        if (!claimed)
        {
            var stored = await connection.QuerySingleAsync<string>(Command("SELECT result FROM ka_requests WHERE request_id = @id", new { id }));
            return new IssueResult(JsonSerializer.Deserialize(stored, IssuanceJson.Default.TokenSetIssued)!, null);
        }

        if (changedKey)
        {
            await connection.ExecuteAsync(Command(SaveKey, MeterStore.Parameters(meter)));
            await connection.ExecuteAsync(Command("DELETE FROM ka_key_changes WHERE meter_number = @MeterNumber", new { meter.MeterNumber }));
        }
        else
        {
            await connection.ExecuteAsync(Command(SaveCounters, new { meter.LastTid, meter.DeviceCount, meter.MeterNumber }));
        }

        foreach (var token in tokens)
        {
            await tail.AppendAsync(new AuditEntry(now.ToUnixTimeMilliseconds(), meter.MeterNumber, id, request.Requester, token.Class, token.Subclass,
                token.Tid, token.Amount?.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        }

        return new IssueResult(issued, null);
    }
}
