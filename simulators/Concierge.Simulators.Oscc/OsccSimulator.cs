using Concierge.Config.Topology;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Tracing;
using Concierge.Simulators.Oscc.Configuration;
using Concierge.Simulators.Osv.Switching;

namespace Concierge.Simulators.Oscc;

/// <summary>
/// The simulated OpenScape Contact Center on an OSV: while up it routes its queues' calls itself — the pilot's calls
/// wait in the initial hunt group (hunt type manual) and OSCC routes the oldest to a logged-on, ready, free agent (the
/// attendants log on as agents); a call no agent took within the initial wait moves to the music-on-hold hunt group,
/// which answers it with music, and is routed from there the same way. When it is
/// down its hunt groups switch from manual to UCD and the OSV hunts the members itself (only OSCC queues are
/// affected, C 4.5.2); when it comes back it takes them over again.
/// </summary>
public sealed class OsccSimulator : IDisposable
{
    /// <summary>How often OSCC looks at its queues (its routing reacts within this).</summary>
    public static readonly TimeSpan RoutingInterval = TimeSpan.FromMilliseconds(200);

    private readonly OsvSwitch _switch;
    private readonly ITrace _trace;
    private readonly HashSet<string> _loggedOn = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private readonly IEventLoop _loop;

    private OsccSimulator(OsccConfig config, OsvSwitch osvSwitch, IEventLoop loop, ITrace trace)
    {
        Config = config;
        _switch = osvSwitch;
        _trace = trace;
        _loop = loop;
        foreach (var queue in config.Queues)
        {
            foreach (var hg in new[] { queue.InitialHuntGroup, queue.MusicOnHoldHuntGroup })
            {
                if (!_switch.HuntGroups.ContainsKey(hg))
                    throw new InvalidOperationException($"oscc.queues.{queue.Name}: hunt group {hg} is not a hunt group of the OSV");
            }
        }
        TakeOver(true);
        _timer = loop.ScheduleEvery(RoutingInterval, Route);
    }

    /// <summary>Builds the OSCC of <paramref name="topology"/> on the switch of its OSV.</summary>
    public static OsccSimulator Create(TopologyDocument topology, OsvSwitch osvSwitch, IEventLoop loop, ITrace? trace = null) =>
        new(OsccConfigReader.Require(topology), osvSwitch, loop, trace ?? NullTrace.Instance);

    /// <summary>The configuration.</summary>
    public OsccConfig Config { get; }

    /// <summary>True while OSCC runs.</summary>
    public bool IsUp { get; private set; } = true;

    /// <summary>Calls OSCC routed to agents so far.</summary>
    public int Routed { get; private set; }

    /// <summary>The agents logged on now.</summary>
    public IReadOnlyCollection<string> LoggedOnAgents => _loggedOn;

    /// <summary>
    /// An agent logs on (its attendant logged on to Concierge). A Unify Phone (ONS) cannot be an OSCC agent (C 4.3.5):
    /// refused with the reason, nothing changes. A device that is no agent of any queue changes nothing either (its
    /// attendant works with the personal line only). Null when not refused.
    /// </summary>
    public string? LogOn(string agent)
    {
        if (_switch.Device(agent) is { Config.UnifyPhoneRole: "ons" })
        {
            Trace($"agent logon at {agent} refused: Unify Phone");
            return $"{agent} is a Unify Phone: Unify Phone attendants are not supported with OSCC (C 4.3.5)";
        }
        if (Config.Queues.Any(q => q.Agents.Contains(agent)) && _loggedOn.Add(agent)) Trace($"agent {agent} logged on");
        return null;
    }

    /// <summary>An agent logs off.</summary>
    public void LogOff(string agent) => _loggedOn.Remove(agent);

    /// <summary>True when <paramref name="number"/> is the pilot or a hunt group of an OSCC queue.</summary>
    public bool IsOsccNumber(string number) =>
        Config.Queues.Any(q => q.Pilot == number || q.InitialHuntGroup == number || q.MusicOnHoldHuntGroup == number);

    /// <summary>OSCC goes down: its hunt groups switch from manual to UCD.</summary>
    public void Fail()
    {
        if (!IsUp) return;
        IsUp = false;
        Trace("down: hunt groups switch to UCD");
        TakeOver(false);
    }

    /// <summary>OSCC is back: it routes its hunt groups again.</summary>
    public void Restore()
    {
        if (IsUp) return;
        IsUp = true;
        Trace("up: hunt groups manual");
        TakeOver(true);
    }

    private void TakeOver(bool manual)
    {
        foreach (var queue in Config.Queues)
        {
            _switch.SetExternalRouting(queue.InitialHuntGroup, manual);
            _switch.SetExternalRouting(queue.MusicOnHoldHuntGroup, manual);
        }
    }

    private void Route()
    {
        if (!IsUp) return;
        var now = _loop.Now();
        foreach (var queue in Config.Queues)
        {
            // The music-on-hold group's calls waited longest: they go first.
            foreach (var hg in new[] { queue.MusicOnHoldHuntGroup, queue.InitialHuntGroup })
            {
                for (var guard = 0; guard < 64 && _switch.QueuedCalls(hg).Count > 0; guard++)
                {
                    var agent = queue.Agents.FirstOrDefault(a => _loggedOn.Contains(a) && _switch.Device(a) is { AgentReady: true, ActiveCalls: 0, IsBusy: false });
                    if (agent is null || !_switch.RouteQueuedCall(hg, agent)) break;
                    Routed++;
                    Trace($"routed a call of {queue.Name} from {hg} to {agent}");
                }
            }
            foreach (var waiting in _switch.QueuedCalls(queue.InitialHuntGroup).Where(c => c.QueuedSince + queue.InitialWait <= now).ToList())
            {
                if (_switch.MoveQueuedCall(waiting, queue.MusicOnHoldHuntGroup)) Trace($"moved {waiting.CstaCallId} of {queue.Name} to music on hold");
            }
        }
    }

    private void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record("oscc", text);
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();
}
