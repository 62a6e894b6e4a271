using Concierge.Server.Hosting;

namespace Concierge.Server.Http;

/// <summary><c>/metrics</c> (Prometheus text) and <c>/api/status</c> (the node's status as JSON).</summary>
public static class StatusEndpoints
{
    /// <summary>Maps the status end points.</summary>
    public static void MapStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", async (NodeHost host) =>
        {
            var (status, records, sip) = await host.InvokeAsync(node => (node.Status, (host.Records.Written, host.Records.Failed), SipStateMetrics.Read(node))).ConfigureAwait(false);
            return Results.Text(NodeMetrics.Write(status, records, host.Rtp?.Counters) + SipStateMetrics.Write(sip) + ProcessMetrics.Write(), PrometheusText.ContentType);
        }).WithName("metrics").WithSummary("Prometheus text metrics (no token)");
        app.MapGet("/api/status", async (NodeHost host) => Results.Json(await host.StatusAsync().ConfigureAwait(false)))
            .WithName("status").WithSummary("The CPS node's status").Produces<Concierge.Cps.Node.CpsNodeStatus>();
    }
}
