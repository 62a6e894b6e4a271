using Concierge.Server.Hosting;
using Concierge.Store;

namespace Concierge.Server.Http;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (registered, CSTA link up, database answering; 503 with the reasons otherwise).</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health end points.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Json(new { status = "live" })).WithName("live").WithSummary("200 while the process answers");
        app.MapGet("/health/ready", async (NodeHost host, ConciergeStore store) =>
        {
            var status = await host.StatusAsync().ConfigureAwait(false);
            var notReady = Readiness.NotReady(status, store.IsReachable(out var problem) ? null : problem);
            return notReady.Count == 0
                ? Results.Json(new { status = "ready" })
                : Results.Json(new { status = "not ready", notReady }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).WithName("ready").WithSummary("200 when registered, the CSTA link is up and the database answers; 503 with the reasons");
    }
}
