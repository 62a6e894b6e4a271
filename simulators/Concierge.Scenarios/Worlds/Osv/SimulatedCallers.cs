using Concierge.Media;
using Concierge.Scenarios.Systems;
using Concierge.Simulators.Phones.Agents;
using Concierge.Cps.Records;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>External callers on the public network, and what each one experiences.</summary>
internal sealed class SimulatedCallers(OsvWorld world) : ICallers
{
    private readonly Dictionary<string, PartyCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _numberOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nameByNumber = new(StringComparer.Ordinal);
    private readonly HashSet<string> _everConnected = new(StringComparer.Ordinal);

    public CallRef Dial(string name, string callingNumber, string dialled) => Dial(name, callingNumber, dialled, presentationRestricted: false);

    /// <summary>A caller dials; with <paramref name="presentationRestricted"/> it withholds its number (CLIR).</summary>
    public CallRef Dial(string name, string callingNumber, string dialled, bool presentationRestricted)
    {
        var agent = world.Osv.Callers ?? throw new InvalidOperationException("the topology has no public network for callers");
        var call = agent.Dial(name, callingNumber, dialled, presentationRestricted);
        _calls[name] = call;
        _numberOf[name] = callingNumber;
        _nameByNumber[callingNumber] = name;
        call.StateChanged += c => { if (c.State == PartyCallState.Connected) _everConnected.Add(name); };
        return new CallRef(name);
    }

    public void HangUp(CallRef call) => Call(call).Hangup();

    public bool Forget(CallRef call)
    {
        if (!Call(call).IsOverOnTheWire) return false;
        _calls.Remove(call.Id);
        _everConnected.Remove(call.Id);
        if (_numberOf.Remove(call.Id, out var number) && _nameByNumber.TryGetValue(number, out var name) && name == call.Id) _nameByNumber.Remove(number);
        world.Osv.Callers?.Forget(call.Id);
        return true;
    }

    /// <summary>True while the caller's call is answered (by the CPS or a party).</summary>
    public bool IsConnected(CallRef call) => _calls.TryGetValue(call.Id, out var party) && party.State == PartyCallState.Connected;

    /// <summary>The calling number of a caller.</summary>
    public string? NumberOf(CallRef call) => _numberOf.GetValueOrDefault(call.Id);

    /// <summary>The caller who called from <paramref name="number"/>.</summary>
    public CallRef? ByNumber(string number) => _nameByNumber.TryGetValue(number, out var name) ? new CallRef(name) : null;

    public CallerView Observe(CallRef call)
    {
        var party = Call(call);
        var number = _numberOf[call.Id];
        var ringingAt = new List<string>();
        foreach (var phone in world.Osv.Phones.Values)
        {
            if (phone.IsRingingFrom(number)) ringingAt.Add(phone.Number);
        }
        var heard = HeardMedia.Of(party.Hears);
        var (hearing, announcement, connectedTo) = heard.Hearing switch
        {
            CallerHearing.Announcement => (heard.Hearing, heard.Label, null),
            CallerHearing.Connected => (heard.Hearing, null, heard.Label),
            _ => (heard.Hearing, (string?)null, (string?)null),
        };
        return new CallerView(hearing, announcement, connectedTo, ringingAt, Disposition(call, party, number), party.State == PartyCallState.Dialing);
    }

    private CallDisposition? Disposition(CallRef call, PartyCall party, string number)
    {
        var cps = world.LatestCpsCallOf(call);
        if (cps?.Disposition is { } decided) return decided;
        if (party.IsActive) return null;
        if (cps is { Orphaned: false }) return null; // still on the CPS as far as it knows; it decides shortly
        if (cps is not null) return CallDisposition.Failed; // the CPS holding it went down
        if (world.Osv.Switch.FellBackFor(number)) return CallDisposition.Fallback;
        return party.State switch
        {
            PartyCallState.Busy => CallDisposition.Busy,
            PartyCallState.Failed => CallDisposition.Failed,
            _ when _everConnected.Contains(call.Id) => CallDisposition.Answered,
            _ => CallDisposition.Abandoned,
        };
    }

    private PartyCall Call(CallRef call) =>
        _calls.TryGetValue(call.Id, out var party) ? party : throw new InvalidOperationException($"no caller {call}");
}
