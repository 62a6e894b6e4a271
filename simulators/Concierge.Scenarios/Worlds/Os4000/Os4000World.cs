using Concierge.Config.Topology;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;
using Concierge.Scenarios.Worlds.Osv;
using Concierge.Simulators.Os4000;

namespace Concierge.Scenarios.Worlds.Os4000;

/// <summary>
/// The simulated world of an OpenScape 4000 topology: the OS4000 (LCR, STMI trunk, hunt group 5520, CSTA) with its
/// phones and the public network's callers, and the CPS on its host. The CPS side, callers, phones and attendant
/// desk are the OSV world's, on the OS4000's switching core.
/// </summary>
internal sealed class Os4000World : IScenarioSystem
{
    private readonly OsvWorld _inner;

    public Os4000World(TopologyInfo topology, ScenarioWorld world, TopologyDocument document)
    {
        Os4000Simulator? built = null;
        _inner = new OsvWorld(topology, world, document, (network, media) =>
        {
            built = Os4000Simulator.Create(document, network, media, world.Random.Split("os4000"), world.Trace);
            return (built.Core, built.TrunkEndpoint);
        });
        Os4000 = built!;
    }

    /// <summary>The OpenScape 4000.</summary>
    public Os4000Simulator Os4000 { get; }

    /// <summary>The world on the shared core (CPS nodes, callers, phones).</summary>
    public OsvWorld Core => _inner;

    public ICpsService? Cps => _inner.Cps;

    public IAttendantDesk? Attendants => _inner.Attendants;

    public ICallers? Callers => _inner.Callers;

    public IPhones? Phones => _inner.Phones;

    public IServerRedundancy? Redundancy => _inner.Redundancy;

    public ICstaLink? Csta => _inner.Csta;

    public INetworkFaults? Network => _inner.Network;

    public IUnifyPhoneTenant? UnifyPhone => null;

    public IEnumerable<IWorldInvariant> Invariants
    {
        get
        {
            foreach (var invariant in _inner.Invariants) yield return invariant;
            yield return new WorldInvariant("the STMI trunk carries no more calls than its B channels", () =>
                Os4000.StmiChannelsInUse <= Os4000.StmiChannels ? null
                    : $"{Os4000.StmiChannelsInUse} calls on the STMI trunk with {Os4000.StmiChannels} B channels");
        }
    }
}
