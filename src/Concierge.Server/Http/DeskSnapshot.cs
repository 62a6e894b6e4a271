using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Node;
using Concierge.Server.Accounts;
using Concierge.Store.Accounts;

namespace Concierge.Server.Http;

/// <summary>A caller queue of a pilot number with its calls in order.</summary>
public sealed record QueueView(string Pilot, string Name, IReadOnlyList<CallView> Calls);

/// <summary>
/// What an attendant's desk shows at one moment, as the event stream sends it: the attendant, calls offered to
/// the device, its personal queue, the tenant's caller queues and processing queue (each call with its state and
/// waiting time), the channel alert, the trunk's and CSTA link's state, and the busy lamp field.
/// </summary>
public sealed record DeskSnapshot(
    string Type,
    DateTimeOffset At,
    AttendantView Attendant,
    IReadOnlyList<CallView> Offers,
    IReadOnlyList<CallView> PersonalQueue,
    IReadOnlyList<QueueView> CallerQueues,
    IReadOnlyList<CallView> ProcessingQueue,
    bool ChannelAlert,
    bool TrunkRegistered,
    string? CstaLink)
{
    /// <summary>The busy lamp field (office users and their state); empty without one or when SIP only.</summary>
    public IReadOnlyList<BusyLampView> BusyLamps { get; init; } = [];

    /// <summary>The call the attendant is offered or talks to, with its caller and what the caller hears; null when none.</summary>
    public CallView? CurrentCall { get; init; }

    /// <summary>The snapshot of <paramref name="device"/>'s desk for <paramref name="account"/> (read on the loop); null while the node is down.</summary>
    public static DeskSnapshot? Of(CpsNode node, E164Number device, Account account, ConciergeConfig config, DateTimeOffset now)
    {
        if (node.Engine is not { } engine || engine.Attendant(device) is not { } session) return null;
        var tenant = TenantScope.OfDevice(config, device)!;
        CallView View(CpsCall call) => CallView.Of(call, TenantScope.OfCall(config, call), now, node.Desk.CallerName(call));
        var visible = engine.LiveCalls.Where(c => TenantScope.MayUseCall(account, config, c)).ToList();
        var queues = config.DdiEntries.Where(e => account.Serves(e.Tenant) && engine.CallerQueue(e.Pilot) is not null)
            .Select(e => new QueueView(e.Pilot.ToString(), e.Name, engine.CallerQueue(e.Pilot)!.Calls.Select(View).ToList())).ToList();
        var status = node.Status;
        return new DeskSnapshot("snapshot", now, AttendantView.Of(session, tenant),
            visible.Where(c => c.Phase == CallPhase.Offered && c.AttendantDevice == device).Select(View).ToList(),
            session.PersonalQueue.Calls.Select(View).ToList(),
            queues,
            visible.Where(c => c.Phase == CallPhase.Processing).Select(View).ToList(),
            engine.ChannelAlertActive, status.Registered, status.CstaLink?.ToString())
        {
            BusyLamps = node.Desk.BusyLamps.Select(l => new BusyLampView(l.Device, l.State)).ToList(),
            CurrentCall = session.CurrentCall is { } current ? View(current) : null,
        };
    }
}
