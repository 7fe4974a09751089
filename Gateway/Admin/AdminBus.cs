using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Vending.Admin;

namespace SmsVending.Gateway.Admin;

/// <summary>How every admin route asks Vending or the KeyAuthority over the bus and turns the answer into HTTP.</summary>
/// <remarks>A refusal's status follows its <see cref="RefusalKind"/>: 404 for a customer or meter that does not exist, 409 for
/// something that exists already, 403 for a forbidden key export, otherwise 400; no answer within <see cref="Timeout"/> is 503
/// and a fault in the service 502. Every problem is application/problem+json with the reason as its detail and, for an
/// import, the file's first bad line as "line".</remarks>
internal static class AdminBus
{
    /// <summary>How long a route waits for Vending or the KeyAuthority.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Asks and answers: <paramref name="ok"/> of the result, or the refusal as a problem.</summary>
    public static async Task<IResult> RespondAsync<TRequest, TAnswer>(IRequestClient<TRequest> client, TRequest request, Func<TAnswer, IResult> ok,
        CancellationToken cancellationToken)
        where TRequest : class
        where TAnswer : class
    {
        var (answer, refusal) = await AskAsync<TRequest, TAnswer, AdminRequestRefused>(client, request, cancellationToken);
        return answer is not null ? ok(answer) : refusal!.Problem();
    }

    /// <summary>Asks; the result, or why there is none (a refusal, no answer, a fault).</summary>
    public static async Task<(TAnswer? Answer, Refusal? Refusal)> AskAsync<TRequest, TAnswer, TRefused>(IRequestClient<TRequest> client, TRequest request,
        CancellationToken cancellationToken)
        where TRequest : class
        where TAnswer : class
        where TRefused : class
    {
        var service = typeof(TRequest).Namespace!.EndsWith(".KeyAuthority", StringComparison.Ordinal) ? "the KeyAuthority" : "Vending";
        try
        {
            var response = await client.GetResponse<TAnswer, TRefused>(request, cancellationToken, RequestTimeout.After(ms: (int)Timeout.TotalMilliseconds));
            if (response.Is(out Response<TAnswer>? answer))
            {
                return (answer.Message, null);
            }

            var (reason, line, kind) = response.Message switch
            {
                AdminRequestRefused r => (r.Reason, r.Line, r.Kind),
                MeterKeysImportRefused r => (r.Reason, r.Line, r.Kind),
                MeterKeyRegistrationRefused r => (r.Reason, null, r.Kind),
                MeterKeyExportRefused r => (r.Reason, (int?)null, r.Kind),
                MeterIdentityRefused r => (r.Reason, null, r.Kind),
                var other => (other.ToString() ?? "refused", null, RefusalKind.Invalid),
            };
            return (null, new Refusal(reason, line, StatusOf(kind)));
        }
        catch (RequestTimeoutException)
        {
            return (null, new Refusal($"{service} did not answer within {Timeout.TotalSeconds:0} s; nothing is known to have changed, try again",
                null, StatusCodes.Status503ServiceUnavailable));
        }
        catch (RequestFaultException e)
        {
            return (null, new Refusal($"{service} failed on this request: {e.Fault?.Exceptions.FirstOrDefault()?.Message ?? e.Message}", null,
                StatusCodes.Status502BadGateway));
        }
    }

    /// <summary>A problem response: the status, the reason as detail, and the line of an import when there is one.</summary>
    public static IResult Problem(int status, string detail, int? line = null) =>
        TypedResults.Problem(detail, statusCode: status, extensions: line is null ? null : new Dictionary<string, object?> { ["line"] = line });

    /// <summary>A payload in the admin API's JSON (enums as names).</summary>
    public static IResult Json<T>(T payload, int status = StatusCodes.Status200OK) => TypedResults.Json(payload, AdminJson.Options, statusCode: status);

    private static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}

/// <summary>Why a bus request gave no result: the reason, an import's first bad line, and the HTTP status it maps to.</summary>
internal sealed record Refusal(string Reason, int? Line, int Status)
{
    /// <summary>Whether the service refused because the thing exists already (a conflict).</summary>
    public bool IsDuplicate => Status == StatusCodes.Status409Conflict;

    /// <summary>The refusal as an application/problem+json response.</summary>
    public IResult Problem() => AdminBus.Problem(Status, Reason, Line);
}
