using Concierge.Scenarios.Systems;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Explore;

/// <summary>
/// What a fault schedule (the swarm's) gets to work with during an exploration: the world, its system, the action
/// log, the end of the random actions, and the repairs to make when they end (restore cut links, restart a crashed CPS)
/// so that every call can still reach a disposition while the world drains.
/// </summary>
public sealed class ExploreChaos(ScenarioWorld world, IScenarioSystem system, ActionLog log, DateTimeOffset end)
{
    private readonly List<(string What, Action Repair)> _repairs = [];

    public ScenarioWorld World { get; } = world;

    public IScenarioSystem System { get; } = system;

    public DateTimeOffset End { get; } = end;

    /// <summary>Does <paramref name="act"/> and logs it; a refusal is logged, not thrown.</summary>
    public bool Do(string action, Action act)
    {
        try
        {
            act();
            log.Add(action, "ok");
            return true;
        }
        catch (InvalidOperationException refused)
        {
            log.Add(action, "refused: " + refused.Message, refused: true);
            return false;
        }
    }

    /// <summary>Remembers a repair to make when the random actions end, unless it was made before (keyed by <paramref name="what"/>).</summary>
    public void NeedsRepair(string what, Action repair) => _repairs.Add((what, repair));

    /// <summary>The repair <paramref name="what"/> was made: forget it.</summary>
    public void Repaired(string what) => _repairs.RemoveAll(r => r.What == what);

    /// <summary>Makes the outstanding repairs (the faults heal before the world drains).</summary>
    public void Heal()
    {
        foreach (var (what, repair) in _repairs.ToArray()) Do(what + " (heal)", repair);
        _repairs.Clear();
    }
}
