using Concierge.Config.Topology;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;
using Concierge.Scenarios.Worlds.Osv;
using Concierge.Simulators.Oscc;

namespace Concierge.Scenarios.Worlds.Oscc;

/// <summary>
/// The simulated world of an OSV topology with OSCC: the OSV world (CPS with personal lines only, phones, callers)
/// and the OSCC routing the pilot calls through its hunt groups to the attendants logged on as agents.
/// </summary>
internal sealed class OsccWorld : IScenarioSystem, IContactCenter
{
    private readonly OsvWorld _inner;

    public OsccWorld(TopologyInfo topology, ScenarioWorld world, TopologyDocument document)
    {
        _inner = new OsvWorld(topology, world, document);
        Oscc = OsccSimulator.Create(document, _inner.Osv.Switch, world.Loop, world.Trace);
        Attendants = _inner.Attendants is { } desk ? new OsccAttendantDesk(desk, Oscc, () => _inner.ActiveEngineOrNull is not null) : null;
        Callers = _inner.Callers is { } callers ? new OsccCallers(callers, this) : null;
    }

    /// <summary>The contact center.</summary>
    public OsccSimulator Oscc { get; }

    /// <summary>The OSV world.</summary>
    public OsvWorld Core => _inner;

    public ICpsService? Cps => _inner.Cps;

    public IAttendantDesk? Attendants { get; }

    public ICallers? Callers { get; }

    public IPhones? Phones => _inner.Phones;

    public IServerRedundancy? Redundancy => _inner.Redundancy;

    public ICstaLink? Csta => _inner.Csta;

    public INetworkFaults? Network => _inner.Network;

    public IUnifyPhoneTenant? UnifyPhone => null;

    public IEnumerable<IWorldInvariant> Invariants => _inner.Invariants;

    public bool IsUp => Oscc.IsUp;

    public void Fail() => Oscc.Fail();

    public void Restore() => Oscc.Restore();

    /// <summary>The OSCC hunt group a caller's call waits in now, if any.</summary>
    public string? WaitingIn(string callingNumber)
    {
        foreach (var queue in Oscc.Config.Queues)
        {
            foreach (var hg in new[] { queue.InitialHuntGroup, queue.MusicOnHoldHuntGroup })
            {
                if (_inner.Osv.Switch.QueuedCalls(hg).Any(c => c.CallingNumber == callingNumber)) return hg;
            }
        }
        return null;
    }
}
