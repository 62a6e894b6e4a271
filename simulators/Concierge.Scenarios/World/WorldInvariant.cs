namespace Concierge.Scenarios.World;

/// <summary>An invariant given by a name and a check function.</summary>
public sealed class WorldInvariant(string name, Func<string?> violation) : IWorldInvariant
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string? Violation() => violation();
}
