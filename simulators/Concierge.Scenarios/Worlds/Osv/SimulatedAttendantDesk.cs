using Concierge.Config.Numbers;
using Concierge.Cps.Attendants;
using Concierge.Cps.Engine;
using Concierge.Scenarios.Systems;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>The attendant API of the active CPS, as the Concierge clients use it.</summary>
internal sealed class SimulatedAttendantDesk(OsvWorld world) : IAttendantDesk
{
    public void LogOn(string device, bool available)
    {
        Do(e => e.LogOn(N(device), available));
        world.AttendantStates[device] = available;
        foreach (var standby in world.RunningEngines.Where(e => e != world.ActiveEngine)) standby.LogOn(N(device), available);
    }

    public void LogOff(string device)
    {
        Do(e => e.LogOff(N(device)));
        world.AttendantStates.Remove(device);
        foreach (var standby in world.RunningEngines.Where(e => e != world.ActiveEngine)) standby.LogOff(N(device));
    }

    public void SetAvailable(string device, bool available)
    {
        Do(e => available ? e.BecomeAvailable(N(device)) : e.BecomeUnavailable(N(device)));
        if (world.AttendantStates.ContainsKey(device)) world.AttendantStates[device] = available;
    }

    public void Pick(string device, CallRef call) =>
        Do(e => world.LiveCallOf(call) is { } live ? e.Pick(N(device), live) : CommandResult.Refused($"{call} is not on the CPS"));

    public void PickNext(string device) => Do(e => e.PickNext(N(device)));

    public void Park(string device) => Do(e => e.Park(N(device)));

    public void Hold(string device) => Do(e => e.Hold(N(device)));

    public void Retrieve(string device, CallRef call) =>
        Do(e => world.LiveCallOf(call) is { } live ? e.Retrieve(N(device), live) : CommandResult.Refused($"{call} is not on the CPS"));

    public void Transfer(string device, string target) => Do(e => e.Transfer(N(device), N(target)));

    /// <summary>
    /// The import runs on the server the Concierge application runs on (the standby's after a switch-over, where it is
    /// refused: C 2.3.3); the other server gets the same phone book when it takes it.
    /// </summary>
    public void ImportDirectory(string csv)
    {
        var onSecondary = world.Redundancy is StandbyPair { ApplicationOnSecondary: true };
        var application = onSecondary && world.Nodes.Count > 1 ? world.Nodes[1] : world.Nodes[0];
        var result = application.Node.ImportDirectory(new StringReader(csv));
        if (!result.Succeeded) throw new InvalidOperationException("the directory import was refused: " + string.Join("; ", result.Problems));
        foreach (var other in world.Nodes.Where(n => n != application)) other.Node.ImportDirectory(new StringReader(csv));
    }

    public string? NameShownFor(CallRef call) =>
        world.LiveCallOf(call) is { } live && ActiveNode() is { } node ? node.Desk.CallerName(live) : null;

    public void TransferToDirectoryEntry(string device, string name) => OnDesk(desk => desk.TransferToEntry(N(device), name));

    public void TransferTyped(string device, string typed) => OnDesk(desk => desk.TransferTyped(N(device), typed));

    public void PageTyped(string device, string typed) => OnDesk(desk => desk.PageTyped(N(device), typed));

    private void OnDesk(Func<Cps.Node.CpsAttendantDesk, CommandResult> command)
    {
        var node = ActiveNode() ?? throw new InvalidOperationException("no CPS is active");
        var result = command(node.Desk);
        if (!result.Succeeded) throw new InvalidOperationException("the CPS refused: " + result.Error);
    }

    private Cps.Node.CpsNode? ActiveNode() => world.Nodes.FirstOrDefault(n => n.IsRunning && n.Engine!.IsActive)?.Node;

    public void Page(string device, string target) => Do(e => e.Page(N(device), N(target)));

    public void Release(string device) => Do(e => e.Release(N(device)));

    public void Answer(string device) => Do(e => e.Answer(N(device)));

    public IReadOnlyList<string> LoggedOnDevices =>
        world.ActiveEngineOrNull?.Attendants.Where(a => a.State != AttendantState.LoggedOff).Select(a => a.Device.ToString()).ToList() ?? [];

    public string? LampSeenBy(string attendant, string number) =>
        ActiveNode()?.Desk.LampOf(N(number));

    public IReadOnlyList<CallRef> CallsSeenBy(string device) =>
        world.ActiveEngineOrNull?.CallsVisibleTo(N(device)).Select(c => world.CallRefOf(c.Caller)).OfType<CallRef>().ToList() ?? [];

    public AttendantView Observe(string device)
    {
        var engine = world.ActiveEngineOrNull;
        var attendant = engine?.Attendant(N(device));
        if (engine is null || attendant is null) return new AttendantView(false, false, false, null, false);
        var current = attendant.CurrentCall is { } call ? world.CallRefOf(call.Caller) : null;
        var loggedOn = attendant.State != AttendantState.LoggedOff;
        return new AttendantView(loggedOn, attendant.State == AttendantState.Available, attendant.CanControlCalls, current, loggedOn && engine.ChannelAlertActive);
    }

    private void Do(Func<CpsEngine, CommandResult> command)
    {
        var result = command(world.ActiveEngine);
        if (!result.Succeeded) throw new InvalidOperationException("the CPS refused: " + result.Error);
    }

    private static E164Number N(string number) => E164Number.Parse(number);
}
