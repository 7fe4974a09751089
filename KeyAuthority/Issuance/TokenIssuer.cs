using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Audit;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>Issues tokens: one transaction claims the request id, locks the meter, makes the tokens, logs them and stores the answer.</summary>
/// <remarks>
/// The request id is inserted first under a unique key, so a repeat (redelivery, retry, a second instance) waits
/// for the first to commit and then reads its stored answer: same tokens, no new TID. A rejection rolls
/// everything back, so nothing is half-written.
/// </remarks>
internal sealed class TokenIssuer(KeyAuthorityDatabase database, StsTokenMaker sts, OpenPaygoTokenMaker openPaygo, TimeProvider clock)
{
    private const string Claim = "INSERT INTO ka_requests (request_id, meter_number, result, issued_at) VALUES (@RequestId, @MeterNumber, '', @At)";
    private const string Lock = $"UPDATE ka_meters SET last_tid = last_tid WHERE meter_number = @MeterNumber RETURNING {MeterRow.Columns}";
    private const string Save = """
        UPDATE ka_meters SET supply_group_code = @SupplyGroupCode, tariff_index = @TariffIndex, key_revision = @KeyRevision,
            key_type = @KeyType, key_expiry = @KeyExpiry, base_date = @BaseDate, dkga = @Dkga, ea = @Ea, last_tid = @LastTid,
            device_count = @DeviceCount
        WHERE meter_number = @MeterNumber
        """;

    public async Task<IssueResult> IssueAsync(IssueToken request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount < 0 || (request.Operation == TokenOperation.Credit && request.Amount == 0))
        {
            return Rejected(request, TokenRejection.AmountOutOfRange, "the amount must be above zero");
        }

        var meterNumber = Normalised(request.MeterNumber);
        var now = clock.GetUtcNow();
        var id = request.RequestId.ToString("N");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Claim, new { RequestId = id, MeterNumber = meterNumber, At = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            await transaction.RollbackAsync(cancellationToken);
            return new IssueResult(await StoredAsync(connection, id, cancellationToken), null);
        }

        try
        {
            var meter = await connection.QuerySingleOrDefaultAsync<MeterRow>(new CommandDefinition(Lock, new { MeterNumber = meterNumber }, transaction, cancellationToken: cancellationToken))
                ?? throw new TokenRejectionException(TokenRejection.UnknownMeter, UnknownMeterMessage(request.MeterNumber));
            List<IssuedToken> tokens = meter.Profile == TokenProfile.Sts
                ? await sts.MakeAsync(connection, transaction, meter, request, now, cancellationToken)
                : [openPaygo.Make(meter, request)];
            await connection.ExecuteAsync(new CommandDefinition(Save, MeterStore.Parameters(meter), transaction, cancellationToken: cancellationToken));
            var issued = new TokenSetIssued(request.RequestId, meter.MeterNumber, tokens, now);
            await AuditLog.AppendAsync(connection, transaction, tokens.Select(t => new AuditEntry(now.ToUnixTimeMilliseconds(), meter.MeterNumber, id,
                request.Requester, t.Class, t.Subclass, t.Tid, t.Amount?.ToString(CultureInfo.InvariantCulture))), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("UPDATE ka_requests SET result = @Result WHERE request_id = @RequestId",
                new { Result = JsonSerializer.Serialize(issued), RequestId = id }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return new IssueResult(issued, null);
        }
        catch (TokenRejectionException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Rejected(request, e.Reason, e.Message);
        }
    }

    private static async Task<TokenSetIssued> StoredAsync(DbConnection connection, string requestId, CancellationToken cancellationToken)
    {
        var json = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT result FROM ka_requests WHERE request_id = @requestId", new { requestId }, cancellationToken: cancellationToken));
        return JsonSerializer.Deserialize<TokenSetIssued>(json)!;
    }

    /// <summary>STS meter numbers may arrive with spaces or dashes; device serials are taken as they are.</summary>
    private static string Normalised(string meterNumber) =>
        MeterNumber.TryParse(meterNumber, out var meter, out _) ? meter.Digits : meterNumber.Trim();

    private static string UnknownMeterMessage(string meterNumber) =>
        MeterNumber.TryParse(meterNumber, out _, out var error) || meterNumber.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-'))
            ? $"no meter {meterNumber.Trim()} is registered"
            : error;

    private static IssueResult Rejected(IssueToken request, TokenRejection reason, string message) =>
        new(null, new TokenRequestRejected(request.RequestId, reason, message));
}
