using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Sms;
using SmsVending.Gateway.Storage;
using SmsVending.Infrastructure.Phones;

namespace SmsVending.Gateway.Staff;

/// <summary>Staff searches of the message log: inbound and outbound messages by phone, meter, token, reference (a provider's id, an SMS's
/// reference, or an M-Pesa receipt) or time window.</summary>
public sealed class MessageSearch(GatewayDatabase database, GatewayOptions options)
{
    /// <summary>Messages matching every given filter, newest first; PINs and registration codes are masked.</summary>
    public async Task<IReadOnlyList<MessageEntry>> FindAsync(MessageQuery query, CancellationToken cancellationToken = default)
    {
        var phone = query.Phone is null ? null : Phones.TryNormalise(query.Phone, options.DefaultRegion, out var e164, out _) ? e164 : query.Phone;
        var meter = query.Meter is null ? null : MeterReference.Normalised(query.Meter);
        var token = query.Token?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var reference = query.Reference?.Trim();
        string Where(string time, string referenceColumns, bool outbound) => string.Join(" AND ", new[]
        {
            phone is null ? null : "phone = @phone",
            meter is null ? null : "meter_number = @meter",
            token is null ? null : outbound ? "tokens LIKE @tokenLike" : "1 = 0",
            reference is null ? null : $"({referenceColumns})",
            query.From is null ? null : $"{time} >= @from",
            query.To is null ? null : $"{time} < @to",
        }.Where(c => c is not null).DefaultIfEmpty("1 = 1"));

        var sql = $"""
            SELECT * FROM (
                SELECT 'in' AS direction, id, channel, external_id AS reference, phone, body, command, meter_number, NULL AS tokens,
                       COALESCE(outcome, CASE WHEN answered_at IS NULL THEN 'open' END) AS status, NULL AS error, received_at AS at
                FROM gw_inbound WHERE {Where("received_at", "external_id = @reference OR receipt = UPPER(@reference)", outbound: false)}
                UNION ALL
                SELECT 'out', id, 'sms', COALESCE(reference, answers), phone, body, NULL, meter_number, tokens, status, error, created_at
                FROM gw_outbound WHERE {Where("created_at", "answers = @reference OR reference = UPPER(@reference) OR provider_sid = @reference", outbound: true)}
            ) found ORDER BY at DESC, id DESC LIMIT @limit
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MessageEntry>(new CommandDefinition(sql, new
        {
            phone, meter, tokenLike = $"%{token}%", reference, from = query.From?.ToUnixTimeMilliseconds(), to = query.To?.ToUnixTimeMilliseconds(),
            limit = Math.Clamp(query.Limit, 1, 500),
        }, cancellationToken: cancellationToken));
        var found = rows.ToList();
        foreach (var row in found.Where(r => r.Direction == "in" && r.Channel == Channels.Sms))
        {
            row.Body = SmsRedaction.Masked(row.Body);
        }

        return found;
    }
}

/// <summary>What to look for; every given filter must match.</summary>
public sealed record MessageQuery(string? Phone = null, string? Meter = null, string? Token = null, string? Reference = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 100);

/// <summary>One message as staff see it: direction in or out, its channel and reference, and its status or outcome.</summary>
public sealed class MessageEntry
{
    public string Direction { get; set; } = "";
    public long Id { get; set; }
    public string Channel { get; set; } = "";
    public string? Reference { get; set; }
    public string? Phone { get; set; }
    public string Body { get; set; } = "";
    public string? Command { get; set; }
    public string? MeterNumber { get; set; }
    public string? Tokens { get; set; }
    public string? Status { get; set; }
    public string? Error { get; set; }
    public long At { get; set; }

    /// <summary>When it arrived or was queued.</summary>
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(At);
}
