using System.Security.Claims;
using Dapper;
using SmsVending.Gateway.Storage;

namespace SmsVending.Gateway.Staff;

/// <summary>The staff audit: every staff and admin call with who, what, when, from where, why and its result.</summary>
public sealed class StaffAudit(GatewayDatabase database, TimeProvider clock)
{
    /// <summary>Records one call.</summary>
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            INSERT INTO gw_staff_audit (at, who, role, action, target, reason, source, status)
            VALUES (@At, @Who, @Role, @Action, @Target, @Reason, @Source, @Status)
            """;
        await database.WriteAsync(async connection =>
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, new
            {
                At = clock.GetUtcNow().ToUnixTimeMilliseconds(), entry.Who, entry.Role, entry.Action, entry.Target, entry.Reason, entry.Source, entry.Status,
            }, cancellationToken: cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Entries in the window (optionally one person's), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(DateTimeOffset from, DateTimeOffset to, string? who, int limit, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            SELECT at, who, role, action, target, reason, source, status FROM gw_staff_audit
            WHERE at >= @from AND at < @to {(who is null ? "" : "AND who = @who")}
            ORDER BY id DESC LIMIT @limit
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            new CommandDefinition(sql, new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds(), who, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(r.Who, r.Role, r.Action, r.Target, r.Reason, r.Source, r.Status, DateTimeOffset.FromUnixTimeMilliseconds(r.At)))];
    }

    private sealed class Row
    {
        public long At { get; set; }
        public string Who { get; set; } = "";
        public string Role { get; set; } = "";
        public string Action { get; set; } = "";
        public string Target { get; set; } = "";
        public string? Reason { get; set; }
        public string? Source { get; set; }
        public int Status { get; set; }
    }
}

/// <summary>One audited call.</summary>
public sealed record AuditEntry(string Who, string Role, string Action, string Target, string? Reason, string? Source, int Status, DateTimeOffset? At = null);

/// <summary>A staff request body that says why (every action asks for a short reason).</summary>
public interface IStaffAction
{
    /// <summary>Why the staff member does this.</summary>
    string? Reason { get; }
}

/// <summary>Audits every call of the group it is added to, after the handler, with the handler's status code.</summary>
internal sealed class StaffAuditFilter(StaffAudit audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = await next(context);
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        var reason = context.Arguments.OfType<IStaffAction>().FirstOrDefault()?.Reason ?? http.Request.Headers["X-Reason"].ToString();
        await audit.RecordAsync(new AuditEntry(
            http.User.Identity?.Name ?? "?", http.User.FindFirstValue(ClaimTypes.Role) ?? "?",
            $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}", $"{http.Request.Path}{http.Request.QueryString}",
            string.IsNullOrWhiteSpace(reason) ? null : reason, http.Connection.RemoteIpAddress?.ToString(), status), CancellationToken.None);
        return result;
    }
}
