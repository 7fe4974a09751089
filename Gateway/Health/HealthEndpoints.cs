using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SmsVending.Gateway.Health;

/// <summary>Liveness (the process answers) and readiness (databases and bus answer) for process supervisors.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => TypedResults.Text("live"));
        // MassTransit registers its bus check with the "ready" tag.
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return routes;
    }
}
