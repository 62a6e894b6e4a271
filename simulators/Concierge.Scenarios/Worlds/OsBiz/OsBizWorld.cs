using Concierge.Config.Topology;
using Concierge.Scenarios.Network;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.World;
using Concierge.Simulators.OsBiz;

namespace Concierge.Scenarios.Worlds.OsBiz;

/// <summary>
/// The simulated world of an OpenScape Business topology with Unify Phone: the tenant and its connector on the cloud
/// host, the system on its host, the public network's callers, on the topology's simulated network. The system runs
/// its Unify Phone Connectivity wizard and registers its trunk before the scenario's clock starts.
/// </summary>
internal sealed class OsBizWorld : IScenarioSystem
{
    /// <summary>Longest the trunk may take to register before the scenario starts.</summary>
    public static readonly TimeSpan BootLimit = TimeSpan.FromSeconds(30);

    public OsBizWorld(ScenarioWorld world, TopologyDocument document)
    {
        var network = world.Network ?? throw new InvalidOperationException("the world has no simulated network");
        Site = UnifyPhoneSite.Create(document, network, world.Random.Split("osbiz"), world.Trace.Record);
        if (Site.Main.RunConnectivityWizard() is { } refusal) throw new InvalidOperationException("the Unify Phone Connectivity wizard failed: " + refusal);
        world.Loop.RunUntil(() => Site.Main.Trunk.IsRegistered, BootLimit);
        world.Trace.Record("world", Site.Main.Trunk.IsRegistered ? "osbiz trunk registered" : "osbiz trunk not registered after boot");
        Callers = new OsBizCallers(Site.Main);
        Phones = new OsBizPhones(Site);
        UnifyPhone = new OsBizUnifyPhone(Site);
        Network = new SimulatedNetworkFaults(network);
    }

    public UnifyPhoneSite Site { get; }

    public ICpsService? Cps => null;

    public IAttendantDesk? Attendants => null;

    public ICallers? Callers { get; }

    public IPhones? Phones { get; }

    public IServerRedundancy? Redundancy => null;

    public ICstaLink? Csta => null;

    public INetworkFaults? Network { get; }

    public IUnifyPhoneTenant? UnifyPhone { get; }

    public IEnumerable<IWorldInvariant> Invariants
    {
        get
        {
            yield return new WorldInvariant("every system's Unify Phone trunk lines are within what its upstream and configuration allow", () =>
                Site.Systems.FirstOrDefault(s => s.LinesInUse > s.LinesAvailable) is { } over ? $"{over.Name}: {over.LinesInUse} lines in use, {over.LinesAvailable} available" : null);
            yield return new WorldInvariant("no trunk is registered from two systems", () =>
                Site.Tenant.Trunks.Values.Where(t => Site.Connector.Registrar.Bindings(t.Name).Select(b => b.Source.Address.Address).Distinct().Count() > 1)
                    .Select(t => $"trunk {t.Name} has bindings from several systems").FirstOrDefault());
        }
    }
}
