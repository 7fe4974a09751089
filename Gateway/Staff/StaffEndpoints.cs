using System.Security.Claims;
using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Phones;

namespace SmsVending.Gateway.Staff;

/// <summary>The call-centre API: find messages and purchases, a customer's timeline, resend, replay, the audit view, dead letters.</summary>
internal static class StaffEndpoints
{
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/staff").RequireAuthorization(StaffRoles.Agent).AddEndpointFilter<StaffAuditFilter>();
        staff.MapGet("/me", WhoAmI);
        staff.MapGet("/messages", FindMessagesAsync);
        staff.MapGet("/purchases", FindPurchasesAsync);
        staff.MapGet("/customers/{phone}/timeline", TimelineAsync);
        staff.MapPost("/purchases/{purchaseId:guid}/resend", ResendAsync);
        staff.MapPost("/messages/{id:long}/replay", ReplayAsync);
        staff.MapPost("/messages/replay", ReplayFailedAsync).RequireAuthorization(StaffRoles.Supervisor);
        staff.MapPost("/tokens/decode", DecodeAsync);
        staff.MapGet("/audit", AuditAsync).RequireAuthorization(StaffRoles.Supervisor);
        staff.MapGet("/dead-letters", DeadLetterEndpoints.ListAsync).RequireAuthorization(StaffRoles.Supervisor);
        staff.MapPost("/dead-letters/redrive", DeadLetterEndpoints.RedriveAsync).RequireAuthorization(StaffRoles.Supervisor);
        return routes;
    }

    /// <summary>Who holds the key and what the role may do (the console signs in with it, so sign-ins are in the audit).</summary>
    public static IResult WhoAmI(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role)!;
        return TypedResults.Ok(new StaffMember(user.Identity!.Name!, role, StaffRoles.Policies[StaffRoles.Supervisor].Contains(role)));
    }

    public static async Task<IResult> FindMessagesAsync(MessageSearch search, string? phone, string? meter, string? token, string? reference,
        DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await search.FindAsync(new MessageQuery(phone, meter, token, reference, from, to, Math.Clamp(limit ?? 100, 1, MaxLimit)), cancellationToken));

    public static async Task<IResult> FindPurchasesAsync(IRequestClient<FindPurchases> purchases, string? phone, string? meter, string? reference, int? limit,
        CancellationToken cancellationToken)
    {
        if (phone is null && meter is null && reference is null)
        {
            return TypedResults.Problem("give a phone, meter or reference", statusCode: StatusCodes.Status400BadRequest);
        }

        var found = await purchases.GetResponse<PurchasesFound>(new FindPurchases(phone, meter, reference, Math.Clamp(limit ?? 50, 1, MaxLimit)), cancellationToken);
        return TypedResults.Ok(found.Message.Purchases);
    }

    /// <summary>Everything about one customer, newest first: Vending's purchases and payments, and the messages both ways.</summary>
    public static async Task<IResult> TimelineAsync(string phone, IRequestClient<GetCustomerTimeline> timelines, MessageSearch search, GatewayOptions options,
        int? limit, CancellationToken cancellationToken)
    {
        if (!Phones.TryNormalise(phone, options.DefaultRegion, out var e164, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        var take = Math.Clamp(limit ?? 100, 1, MaxLimit);
        var vending = (await timelines.GetResponse<CustomerTimeline>(new GetCustomerTimeline(e164, take), cancellationToken)).Message;
        var messages = await search.FindAsync(new MessageQuery(Phone: e164, Limit: take), cancellationToken);
        var entries = vending.Entries.Select(e => new StaffTimelineEntry(e.At, e.Kind, e.Reference, e.Status, e.Detail, e.MeterNumber, e.Amount, e.Tokens, null)
            {
                PurchaseId = e.PurchaseId,
            })
            .Concat(messages.Select(m => new StaffTimelineEntry(m.Time, $"{m.Channel}-{m.Direction}", m.Reference, m.Status, m.Error, m.MeterNumber, null,
                m.Tokens?.Split(' ') ?? [], m.Body)
            {
                MessageId = m.Direction == "in" ? m.Id : null, Command = m.Command,
            }))
            .OrderByDescending(e => e.At).Take(take).ToList();
        return TypedResults.Ok(new StaffTimeline(vending.Found, e164, vending.Name, vending.Language, vending.WalletBalance, vending.Currency, vending.Meters, entries));
    }

    public static async Task<IResult> ResendAsync(Guid purchaseId, StaffRequest request, IPublishEndpoint bus, GatewayOptions options, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem || !Phones.TryNormalise(request.Phone, options.DefaultRegion, out var phone, out problem))
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var requestId = $"staff-resend:{Guid.CreateVersion7():N}";
        await bus.Publish(new ResendTokens(requestId, phone, purchaseId), cancellationToken);
        return TypedResults.Accepted((string?)null, new { requestId });
    }

    public static async Task<IResult> ReplayAsync(long id, StaffRequest request, StaffReplays replays, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var replayId = $"staff-replay:{Guid.CreateVersion7():N}";
        return await replays.ReplayAsync(id, replayId, cancellationToken)
            ? TypedResults.Accepted((string?)null, new { replayId })
            : TypedResults.Problem($"no stored message {id}", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> ReplayFailedAsync(BulkReplayRequest request, StaffReplays replays, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var batchId = $"staff-replay:{Guid.CreateVersion7():N}";
        var messages = await replays.ReplayFailedAsync(request.From!.Value, request.To!.Value, batchId, request.Preview, MaxLimit * 10, cancellationToken);
        return TypedResults.Ok(new { preview = request.Preview, count = messages.Count, batchId = request.Preview ? null : batchId, messages = messages.Select(m => m.Id) });
    }

    /// <summary>Which meter a token is for, when it was made and for how much (a customer reads it out on the phone).</summary>
    public static async Task<IResult> DecodeAsync(DecodeRequest request, TokenDecoding decoding, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || (request.Meter is null && request.Phone is null))
        {
            return TypedResults.Problem("give the token and the meter (or the customer's phone, to try each of their meters)", statusCode: StatusCodes.Status400BadRequest);
        }

        var (decoded, problem) = await decoding.DecodeAsync(request.Token, request.Meter, request.Phone, cancellationToken);
        return decoded is not null ? TypedResults.Ok(decoded) : TypedResults.Problem(problem, statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> AuditAsync(StaffAudit audit, TimeProvider clock, DateTimeOffset? from, DateTimeOffset? to, string? who, int? limit,
        CancellationToken cancellationToken)
    {
        var until = to ?? clock.GetUtcNow().AddMinutes(1);
        return TypedResults.Ok(await audit.SearchAsync(from ?? until.AddDays(-1), until, who, Math.Clamp(limit ?? 100, 1, MaxLimit), cancellationToken));
    }
}

/// <summary>A staff action's body: why, and (for a resend) the phone to send to.</summary>
public sealed record StaffRequest(string? Reason, string? Phone = null) : IStaffAction
{
    /// <summary>What is wrong with the request, or null.</summary>
    public string? Problem() => string.IsNullOrWhiteSpace(Reason) ? "say why in \"reason\" (it goes to the audit)" : Reason.Length > 500 ? "keep the reason under 500 characters" : null;
}

/// <summary>A supervisor's bulk replay: the window, why, and whether only to count.</summary>
public sealed record BulkReplayRequest(DateTimeOffset? From, DateTimeOffset? To, string? Reason, bool Preview = true) : IStaffAction
{
    /// <summary>What is wrong with the request, or null.</summary>
    public string? Problem() => new StaffRequest(Reason).Problem()
        ?? (From is null || To is null || From >= To ? "give a window: \"from\" before \"to\"" : To - From > TimeSpan.FromDays(7) ? "replay at most seven days at a time" : null);
}

/// <summary>A token to explain, and the meter it is for or the customer's phone.</summary>
public sealed record DecodeRequest(string? Token, string? Meter = null, string? Phone = null, string? Reason = null) : IStaffAction;

/// <summary>The signed-in staff member: the key's name, its role, and whether it may do what supervisors do.</summary>
public sealed record StaffMember(string Name, string Role, bool Supervisor);

/// <summary>A customer's timeline as staff see it.</summary>
public sealed record StaffTimeline(bool Found, string Phone, string? Name, string? Language, decimal WalletBalance, string Currency,
    IReadOnlyList<CustomerMeter> Meters, IReadOnlyList<StaffTimelineEntry> Entries);

/// <summary>One line on the timeline: a purchase, a payment, or a message in or out.</summary>
public sealed record StaffTimelineEntry(DateTimeOffset At, string Kind, string? Reference, string? Status, string? Detail, string? MeterNumber, decimal? Amount,
    IReadOnlyList<string> Tokens, string? Text)
{
    /// <summary>A purchase's id, for a resend.</summary>
    public Guid? PurchaseId { get; init; }

    /// <summary>An inbound message's id in the message log, for a replay.</summary>
    public long? MessageId { get; init; }

    /// <summary>What an inbound message was read as (BUY, LAST, HELP, UNKNOWN…; C2B, STK n for payments); null while unread.</summary>
    public string? Command { get; init; }
}
