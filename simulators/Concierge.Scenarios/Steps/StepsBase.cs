using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>What every step class shares: the world, capability look-ups that turn a missing capability into a pending step, and name resolution.</summary>
public abstract class StepsBase(ScenarioWorld world)
{
    /// <summary>The scenario's world.</summary>
    protected ScenarioWorld World { get; } = world;

    /// <summary>The CPS engine, or pending.</summary>
    protected ICpsService Cps => World.Need(World.System.Cps, "the CPS engine");

    /// <summary>The CPS attendant API, or pending.</summary>
    protected IAttendantDesk Attendants => World.Need(World.System.Attendants, "the CPS attendant API");

    /// <summary>The callers on the PBX's public trunk, or pending.</summary>
    protected ICallers Callers => World.Need(World.System.Callers, World.RequireTopology().PbxSimulator + " and its callers");

    /// <summary>The PBX's phones, or pending.</summary>
    protected IPhones Phones => World.Need(World.System.Phones, World.RequireTopology().PbxSimulator + " and its phones");

    /// <summary>The main/standby servers, or pending.</summary>
    protected IServerRedundancy Redundancy => World.Need(World.System.Redundancy, "the standby server simulator");

    /// <summary>The CSTA link, or pending.</summary>
    protected ICstaLink Csta => World.Need(World.System.Csta, "the CSTA link simulator");

    /// <summary>The simulated network, or pending.</summary>
    protected INetworkFaults Network => World.Need(World.System.Network, "the simulated network");

    /// <summary>The Unify Phone tenant, or pending.</summary>
    protected IUnifyPhoneTenant UnifyPhone => World.Need(World.System.UnifyPhone, "the Unify Phone simulator");

    /// <summary>The full number of a device named by number or alias.</summary>
    protected string Number(DeviceRef device) => World.Resolve(device);

    /// <summary>The call of the named caller.</summary>
    protected CallRef CallOf(string caller) => World.Callers.Get(caller).Call;
}
