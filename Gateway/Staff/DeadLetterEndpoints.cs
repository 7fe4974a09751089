using RabbitMQ.Client.Exceptions;
using SmsVending.Infrastructure.Messaging;

namespace SmsVending.Gateway.Staff;

/// <summary>Supervisors' view of the distributed system's dead-letter queue: what failed where and why, and putting it back.</summary>
internal static class DeadLetterEndpoints
{
    private const int MaxLimit = 1000;

    public static async Task<IResult> ListAsync(IServiceProvider services, int? limit, CancellationToken cancellationToken) =>
        services.GetService<DeadLetterQueue>() is not { } queue
            ? Embedded()
            : await OnBrokerAsync(async () => TypedResults.Ok(await queue.ListAsync(Math.Clamp(limit ?? 100, 1, MaxLimit), cancellationToken)));

    public static async Task<IResult> RedriveAsync(DeadLetterRedrive request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        if (services.GetService<DeadLetterQueue>() is not { } queue)
        {
            return Embedded();
        }

        var ids = request.All ? null : request.MessageIds!.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return await OnBrokerAsync(async () =>
        {
            var moved = await queue.RedriveAsync(ids is null ? null : letter => ids.Contains(letter.MessageId), cancellationToken);
            return TypedResults.Ok(new { count = moved.Count, redriven = moved });
        });
    }

    private static IResult Embedded() => TypedResults.Problem(
        "the embedded system has no dead-letter queue: its in-memory bus keeps none, and messages without an outcome are re-driven from the message log",
        statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> OnBrokerAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (BrokerUnreachableException e)
        {
            return TypedResults.Problem($"RabbitMQ did not answer: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>Which dead letters to put back on their queues (by message id, or all), and why.</summary>
public sealed record DeadLetterRedrive(string? Reason, IReadOnlyList<string>? MessageIds = null, bool All = false) : IStaffAction
{
    /// <summary>What is wrong with the request, or null.</summary>
    public string? Problem() => new StaffRequest(Reason).Problem()
        ?? (All == (MessageIds is { Count: > 0 }) ? "give either \"messageIds\" or \"all\": true" : null);
}
