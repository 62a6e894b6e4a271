using Concierge.Config.Numbers;
using Concierge.Cps.Engine;
using Concierge.Cps.Node;
using Concierge.Server.Hosting;

namespace Concierge.Server.Http;

/// <summary>
/// The attendant API over the node's <see cref="CpsAttendantDesk"/>: one POST per command under
/// <c>/api/attendants/{device}/</c>, and the views <c>GET /api/calls</c> and <c>GET /api/attendants</c>. Every command
/// runs on the loop; a refusal is 409 with the engine's reason, unreadable input 400 naming the field.
/// </summary>
public static class AttendantEndpoints
{
    /// <summary>Maps the attendant API.</summary>
    public static void MapAttendants(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/attendants/{device}");
        Command(group, "logon", async (desk, device, request) =>
        {
            var available = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Boolean("available");
            return () => desk.LogOn(device, available);
        });
        Simple(group, "logoff", (desk, device) => desk.LogOff(device));
        Simple(group, "available", (desk, device) => desk.SetAvailable(device, true));
        Simple(group, "unavailable", (desk, device) => desk.SetAvailable(device, false));
        Simple(group, "answer", (desk, device) => desk.Answer(device));
        Simple(group, "release", (desk, device) => desk.Release(device));
        Simple(group, "park", (desk, device) => desk.Park(device));
        Simple(group, "hold", (desk, device) => desk.Hold(device));
        Command(group, "pick", async (desk, device, request) =>
        {
            var callId = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Int64("callId");
            return () => desk.Pick(device, callId);
        });
        Command(group, "retrieve", async (desk, device, request) =>
        {
            var callId = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Int64("callId");
            return () => desk.Retrieve(device, callId);
        });
        Command(group, "transfer", async (desk, device, request) =>
        {
            var target = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Number("target");
            return () => desk.Transfer(device, target);
        });
        Command(group, "page", async (desk, device, request) =>
        {
            var target = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Number("target");
            return () => desk.Page(device, target);
        });
        app.MapGet("/api/calls", async (NodeHost host) => Results.Json(await host.InvokeAsync(node =>
        {
            var now = host.Time.GetUtcNow();
            return node.Desk.LiveCalls.Select(call => CallView.Of(call, now)).ToList();
        }).ConfigureAwait(false)));
        app.MapGet("/api/attendants", async (NodeHost host) => Results.Json(await host.InvokeAsync(node =>
            node.Desk.Attendants.Select(AttendantView.Of).ToList()).ConfigureAwait(false)));
    }

    private delegate Task<Func<CommandResult>> Prepare(CpsAttendantDesk desk, E164Number device, HttpRequest request);

    private static void Simple(RouteGroupBuilder group, string name, Func<CpsAttendantDesk, E164Number, CommandResult> command) =>
        Command(group, name, (desk, device, _) => Task.FromResult<Func<CommandResult>>(() => command(desk, device)));

    private static void Command(RouteGroupBuilder group, string name, Prepare prepare) =>
        group.MapPost("/" + name, (string device, HttpRequest request, NodeHost host) => Problems.Guard(async () =>
        {
            var number = Numbers.Parse("device", device);
            var command = await prepare(host.Node.Desk, number, request).ConfigureAwait(false);
            return Problems.Of(await host.InvokeAsync(_ => command()).ConfigureAwait(false));
        }));
}
