using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Systems;

/// <summary>
/// The simulated system a scenario drives, built for one topology. Each capability is null until the engine or
/// simulator behind it exists; steps that need a missing capability are reported pending.
/// </summary>
public interface IScenarioSystem
{
    /// <summary>The CPS engine.</summary>
    ICpsService? Cps { get; }

    /// <summary>The CPS attendant API.</summary>
    IAttendantDesk? Attendants { get; }

    /// <summary>External callers over the public trunk.</summary>
    ICallers? Callers { get; }

    /// <summary>Phones on the PBX.</summary>
    IPhones? Phones { get; }

    /// <summary>Main/standby servers.</summary>
    IServerRedundancy? Redundancy { get; }

    /// <summary>The CSTA link.</summary>
    ICstaLink? Csta { get; }

    /// <summary>The simulated network between the topology's hosts.</summary>
    INetworkFaults? Network { get; }

    /// <summary>The Unify Phone tenant.</summary>
    IUnifyPhoneTenant? UnifyPhone { get; }

    /// <summary>The invariants this system asserts after every scenario (channels, request numbers, SIP transactions …).</summary>
    IEnumerable<IWorldInvariant> Invariants { get; }
}
