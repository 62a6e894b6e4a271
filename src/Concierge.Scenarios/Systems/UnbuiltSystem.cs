using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Systems;

/// <summary>The system of a topology no factory can build yet: every capability is missing, so every step needing one is pending.</summary>
public sealed class UnbuiltSystem : IScenarioSystem
{
    /// <summary>The shared instance.</summary>
    public static readonly UnbuiltSystem Instance = new();

    private UnbuiltSystem() { }

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
    public INetworkFaults? Network => null;
    /// <inheritdoc />
    public IUnifyPhoneTenant? UnifyPhone => null;
    /// <inheritdoc />
    public IEnumerable<IWorldInvariant> Invariants => [];
}
