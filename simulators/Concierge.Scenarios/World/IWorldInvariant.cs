namespace Concierge.Scenarios.World;

/// <summary>A property that must hold after every scenario (and whenever `Then no call is lost` asks).</summary>
public interface IWorldInvariant
{
    /// <summary>What the invariant says, e.g. `every call that entered has a disposition`.</summary>
    string Name { get; }

    /// <summary>Null when the invariant holds, else a description of what breaks it.</summary>
    string? Violation();
}
