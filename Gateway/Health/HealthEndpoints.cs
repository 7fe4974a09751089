namespace SmsVending.Gateway.Health;

/// <summary>Liveness for process supervisors.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => TypedResults.Text("live"));
        return routes;
    }
}
