using SmsVending.Gateway.Staff;

namespace SmsVending.Gateway.CallCentre;

/// <summary>The call-centre console at /console: a static page that signs in with a staff key and uses the staff API, and the live
/// counters it shows.</summary>
internal static class ConsoleEndpoints
{
    /// <summary>Nothing from outside, no inline script or style, no framing, and no form that submits anywhere (the key never
    /// travels in a URL, even with scripts off).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder routes)
    {
        var console = routes.MapGroup("/console").AddEndpointFilter(SecurityHeaders);
        console.MapGet("", (ConsoleAssets assets) => Serve(assets, ConsoleAssets.IndexName)); // also answers /console/
        console.MapGet("/{file}", Serve);
        // Not audited, unlike the rest of /staff: aggregate counts with no customer in them, polled every few seconds while the
        // live view is open, would bury the audit's real entries.
        routes.MapGet("/staff/live", LiveAsync).RequireAuthorization(StaffRoles.Agent);
        return routes;
    }

    /// <summary>One of the console's files, revalidated by its entity tag; 404 for anything else.</summary>
    public static IResult Serve(ConsoleAssets assets, string file) =>
        assets.Find(file) is { } asset ? TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag) : TypedResults.NotFound();

    /// <summary>Messages in and out per minute, purchases by outcome and failures by reason over the last minutes (1 to 60).</summary>
    public static async Task<IResult> LiveAsync(LiveStats stats, int? minutes, CancellationToken cancellationToken) =>
        minutes is < 1 or > 60
            ? TypedResults.Problem("minutes: give 1 to 60", statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Ok(await stats.TakeAsync(minutes ?? 15, cancellationToken));

    private static ValueTask<object?> SecurityHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = "no-cache"; // revalidated by ETag, so a new Gateway's page is picked up at once
        return next(context);
    }
}
