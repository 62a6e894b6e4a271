using Concierge.Config.Numbers;
using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;
using Concierge.Cps.Engine;

namespace Concierge.Cps.Node;

/// <summary>
/// The attendant API of one CPS node, as the Concierge clients use it: one attendant per device (full number), calls
/// named by their id. Every command answers with the engine's result; while the node is down each is refused with
/// that reason and changes nothing.
/// </summary>
public sealed class CpsAttendantDesk
{
    private readonly CpsNode _node;

    internal CpsAttendantDesk(CpsNode node) => _node = node;

    /// <summary>Logs on at <paramref name="device"/>, available or not.</summary>
    public CommandResult LogOn(E164Number device, bool available) => Do(e => e.LogOn(device, available));

    /// <summary>Logs off.</summary>
    public CommandResult LogOff(E164Number device) => Do(e => e.LogOff(device));

    /// <summary>Sets Available or Unavailable.</summary>
    public CommandResult SetAvailable(E164Number device, bool available) =>
        Do(e => available ? e.BecomeAvailable(device) : e.BecomeUnavailable(device));

    /// <summary>Picks call <paramref name="callId"/> from the caller queue.</summary>
    public CommandResult Pick(E164Number device, long callId) => WithCall(callId, (e, call) => e.Pick(device, call));

    /// <summary>Picks the next call of the queue.</summary>
    public CommandResult PickNext(E164Number device) => Do(e => e.PickNext(device));

    /// <summary>Answers the call ringing at the attendant's phone from the client (CSTA answer at the device).</summary>
    public CommandResult Answer(E164Number device) => Do(e => e.Answer(device));

    /// <summary>Releases the current call.</summary>
    public CommandResult Release(E164Number device) => Do(e => e.Release(device));

    /// <summary>Parks the current call.</summary>
    public CommandResult Park(E164Number device) => Do(e => e.Park(device));

    /// <summary>Puts the current call on hold.</summary>
    public CommandResult Hold(E164Number device) => Do(e => e.Hold(device));

    /// <summary>Retrieves call <paramref name="callId"/> from the processing queue.</summary>
    public CommandResult Retrieve(E164Number device, long callId) => WithCall(callId, (e, call) => e.Retrieve(device, call));

    /// <summary>Supervised transfer of the current call to <paramref name="target"/>.</summary>
    public CommandResult Transfer(E164Number device, E164Number target) => Do(e => e.Transfer(device, target));

    /// <summary>Pages <paramref name="target"/> for the current call.</summary>
    public CommandResult Page(E164Number device, E164Number target) => Do(e => e.Page(device, target));

    /// <summary>Transfers the current call to the number the attendant typed (<see cref="DialledNumber"/>, read with the PABX routing data).</summary>
    public CommandResult TransferTyped(E164Number device, string typed) =>
        ReadTyped(typed, out var target, out var refused) ? Transfer(device, target) : refused;

    /// <summary>Pages the number the attendant typed for the current call.</summary>
    public CommandResult PageTyped(E164Number device, string typed) =>
        ReadTyped(typed, out var target, out var refused) ? Page(device, target) : refused;

    private bool ReadTyped(string typed, out E164Number target, out CommandResult refused)
    {
        target = default;
        refused = CommandResult.Ok;
        if (_node.Engine is not { } engine)
        {
            refused = Do(_ => CommandResult.Ok);
            return false;
        }
        if (DialledNumber.TryRead(typed, engine.Configuration.PabxRouting, out target, out var reason)) return true;
        refused = CommandResult.Refused($"'{typed}' {reason}");
        return false;
    }

    /// <summary>The attendant at <paramref name="device"/>, or null (never logged on, or the node is down).</summary>
    public AttendantSession? Attendant(E164Number device) => _node.Engine?.Attendant(device);

    /// <summary>The attendants the node knows now (none while it is down).</summary>
    public IEnumerable<AttendantSession> Attendants => _node.Engine?.Attendants ?? [];

    /// <summary>The calls on the CPS now (none while it is down).</summary>
    public IReadOnlyList<CpsCall> LiveCalls => _node.Engine?.LiveCalls ?? [];

    /// <summary>The live call with id <paramref name="callId"/>, or null.</summary>
    public CpsCall? Call(long callId) => LiveCalls.FirstOrDefault(c => c.Id == callId);

    /// <summary>The name the directory gives the caller of <paramref name="call"/>, or null when the number is not in it.</summary>
    public string? CallerName(CpsCall call) => _node.Directory.NameOf(call.Caller);

    /// <summary>Directory entries by name prefix or number (at most <see cref="Directory.PhoneDirectory.MaxResults"/>).</summary>
    public IReadOnlyList<Directory.DirectoryEntry> SearchDirectory(string query) => _node.Directory.Search(query);

    /// <summary>Transfers the attendant's call to the first number of the directory entry called <paramref name="name"/>.</summary>
    public CommandResult TransferToEntry(E164Number device, string name) =>
        EntryNumber(name, out var number, out var refused) ? Transfer(device, number) : refused;

    /// <summary>Pages the person of the directory entry called <paramref name="name"/> for the attendant's call.</summary>
    public CommandResult PageEntry(E164Number device, string name) =>
        EntryNumber(name, out var number, out var refused) ? Page(device, number) : refused;

    private bool EntryNumber(string name, out E164Number number, out CommandResult refused)
    {
        number = default;
        refused = CommandResult.Ok;
        var matches = _node.Directory.Entries.Where(e => string.Equals(e.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            refused = CommandResult.Refused(matches.Count == 0 ? $"\"{name}\" is not in the directory" : $"\"{name}\" names {matches.Count} directory entries");
            return false;
        }
        number = matches[0].Numbers[0];
        return true;
    }

    /// <summary>
    /// The busy lamp field as attendants see it: each monitored office user with its state in words
    /// (<see cref="Csta.BusyLampText"/>); empty while the node is down or has no CSTA link (then <see cref="LampOf"/> says unavailable).
    /// </summary>
    public IReadOnlyList<(string Device, string State)> BusyLamps =>
        _node.BusyLamps?.All.Select(d => (d.Device, Csta.BusyLampText.Of(d.Known ? d.Lamp : Concierge.Csta.Devices.LampState.Unknown))).ToList() ?? [];

    /// <summary>What the busy lamp of <paramref name="device"/> shows: a state, "unavailable" without a CSTA link, or null when the device is not in the field.</summary>
    public string? LampOf(E164Number device)
    {
        if (_node.Engine is { SipOnly: true }) return Csta.BusyLampText.Unavailable;
        return _node.BusyLamps?.StateOf(device.ToString()) is { } state ? Csta.BusyLampText.Of(state.Known ? state.Lamp : Concierge.Csta.Devices.LampState.Unknown) : null;
    }

    private CommandResult WithCall(long callId, Func<CpsEngine, CpsCall, CommandResult> command) =>
        Do(e => Call(callId) is { } call ? command(e, call) : CommandResult.Refused($"call {callId} is not on the CPS"));

    private CommandResult Do(Func<CpsEngine, CommandResult> command) =>
        _node.Engine is { } engine ? command(engine) : CommandResult.Refused($"the CPS on {_node.Server} is not running");
}
