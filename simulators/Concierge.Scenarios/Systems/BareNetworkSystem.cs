using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Systems;

/// <summary>
/// The system of a topology no factory can build yet: only the simulated network between the topology's hosts exists,
/// so network steps run and every step needing an engine or simulator is pending.
/// </summary>
public sealed class BareNetworkSystem(INetworkFaults? network) : IScenarioSystem
{
    /// <inheritdoc />
    public ICpsService? Cps => null;
    /// <inheritdoc />
    public IAttendantDesk? Attendants => null;
    /// <inheritdoc />
    public ICallers? Callers => null;
    /// <inheritdoc />
    public IPhones? Phones => null;
    /// <inheritdoc />
    public IServerRedundancy? Redundancy => null;
    /// <inheritdoc />
    public ICstaLink? Csta => null;
    /// <inheritdoc />
    public INetworkFaults? Network { get; } = network;
    /// <inheritdoc />
    public IUnifyPhoneTenant? UnifyPhone => null;
    /// <inheritdoc />
    public IEnumerable<IWorldInvariant> Invariants => [];
}
