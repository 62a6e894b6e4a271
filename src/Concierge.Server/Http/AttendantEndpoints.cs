using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Cps.Node;
using Concierge.Server.Accounts;
using Concierge.Server.Hosting;
using Concierge.Server.Pbx;
using Concierge.Store.Accounts;

namespace Concierge.Server.Http;

/// <summary>
/// The attendant API over the node's <see cref="CpsAttendantDesk"/>: one POST per command under
/// <c>/api/attendants/{device}/</c>, and the views <c>GET /api/calls</c> and <c>GET /api/attendants</c>. Every command
/// runs on the loop; a refusal is 409 with the engine's reason, unreadable input 400 naming the field. An account
/// sees and commands only its tenant's attendants and calls: another tenant's device or call is 404, as an unknown
/// one is.
/// </summary>
public static class AttendantEndpoints
{
    /// <summary>Maps the attendant API.</summary>
    public static void MapAttendants(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/attendants/{device}");
        Command(group, "logon", async (device, request, _) =>
        {
            var available = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Allow("available").Boolean("available");
            return (desk, _) => Problems.Of(desk.LogOn(device, available));
        }, typeof(LogonAttendantRequest));
        Simple(group, "logoff", (desk, device) => desk.LogOff(device));
        Simple(group, "available", (desk, device) => desk.SetAvailable(device, true));
        Simple(group, "unavailable", (desk, device) => desk.SetAvailable(device, false));
        Simple(group, "answer", (desk, device) => desk.Answer(device));
        Simple(group, "release", (desk, device) => desk.Release(device));
        Simple(group, "park", (desk, device) => desk.Park(device));
        Simple(group, "hold", (desk, device) => desk.Hold(device));
        Command(group, "pick", async (device, request, _) =>
        {
            var callId = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Allow("callId").Int64("callId");
            return (desk, mayUse) => WithCall(desk, mayUse, callId, () => desk.Pick(device, callId));
        }, typeof(CallIdRequest));
        Command(group, "retrieve", async (device, request, _) =>
        {
            var callId = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Allow("callId").Int64("callId");
            return (desk, mayUse) => WithCall(desk, mayUse, callId, () => desk.Retrieve(device, callId));
        }, typeof(CallIdRequest));
        Command(group, "transfer", async (device, request, config) =>
        {
            var target = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Allow("target").Dialled("target", config.PabxRouting);
            return (desk, _) => Problems.Of(desk.Transfer(device, target));
        }, typeof(TargetRequest));
        Command(group, "page", async (device, request, config) =>
        {
            var target = (await RequestBody.ReadAsync(request).ConfigureAwait(false)).Allow("target").Dialled("target", config.PabxRouting);
            return (desk, _) => Problems.Of(desk.Page(device, target));
        }, typeof(TargetRequest));
        app.MapGet("/api/calls", async (HttpContext context, NodeHost host, ServerTopology topology) =>
        {
            var account = TokenAuthentication.AccountOf(context);
            return Results.Json(await host.InvokeAsync(node =>
            {
                var now = host.Time.GetUtcNow();
                return node.Desk.LiveCalls.Where(call => TenantScope.MayUseCall(account, host.Configuration, call))
                    .Select(call => CallView.Of(call, TenantScope.OfCall(host.Configuration, call), now, node.Desk.CallerName(call))).ToList();
            }).ConfigureAwait(false));
        }).WithName("calls").WithSummary("The live calls of the account's tenant: queues, offers, processing, with state and waiting time")
            .Produces<List<CallView>>();
        app.MapGet("/api/attendants", async (HttpContext context, NodeHost host, ServerTopology topology) =>
        {
            var account = TokenAuthentication.AccountOf(context);
            return Results.Json(await host.InvokeAsync(node => node.Desk.Attendants
                .Where(a => TenantScope.MayUseDevice(account, host.Configuration, a.Device))
                .Select(a => AttendantView.Of(a, TenantScope.OfDevice(host.Configuration, a.Device)!)).ToList()).ConfigureAwait(false));
        }).WithName("attendants").WithSummary("The attendant working places of the account's tenant").Produces<List<AttendantView>>();
    }

    /// <summary>A command prepared from the request, run on the loop with the desk and the account's call filter.</summary>
    private delegate IResult OnLoop(CpsAttendantDesk desk, Func<Cps.Calls.CpsCall, bool> mayUse);

    private delegate Task<OnLoop> Prepare(E164Number device, HttpRequest request, ConciergeConfig config);

    private static IResult WithCall(CpsAttendantDesk desk, Func<Cps.Calls.CpsCall, bool> mayUse, long callId, Func<Cps.Engine.CommandResult> command) =>
        desk.Call(callId) is { } call && mayUse(call)
            ? Problems.Of(command())
            : Problems.NotFound("callId", callId.ToString(System.Globalization.CultureInfo.InvariantCulture), "is not a live call of your tenant");

    private static void Simple(RouteGroupBuilder group, string name, Func<CpsAttendantDesk, E164Number, Cps.Engine.CommandResult> command) =>
        Command(group, name, (device, _, _) => Task.FromResult<OnLoop>((desk, _) => Problems.Of(command(desk, device))));

    private static void Command(RouteGroupBuilder group, string name, Prepare prepare, Type? body = null)
    {
        var endpoint = group.MapPost("/" + name, (string device, HttpContext context, NodeHost host, ServerTopology topology) => Problems.Guard(async () =>
        {
            var account = TokenAuthentication.AccountOf(context);
            var number = Numbers.Parse("device", device);
            if (!TenantScope.MayUseDevice(account, host.Configuration, number))
                return Problems.NotFound("device", device, $"is not an attendant device of tenant {account.Name.Tenant}");
            var command = await prepare(number, context.Request, host.Configuration).ConfigureAwait(false);
            return await host.InvokeAsync(node => command(node.Desk, call => TenantScope.MayUseCall(account, host.Configuration, call))).ConfigureAwait(false);
        }));
        endpoint.WithName("attendant-" + name).WithSummary($"Attendant command {name} at the device")
            .Produces<OkAnswer>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        if (body is not null) endpoint.Accepts(body, "application/json");
    }
}
