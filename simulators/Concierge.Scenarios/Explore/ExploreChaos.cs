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
    private readonly List<string> _violations = [];
    private readonly List<(string Name, Func<string?> Check)> _afterDrain = [];

    /// <summary>What the fault schedule saw break (a takeover that came too late, for one).</summary>
    public IReadOnlyList<string> Violations => _violations;

    /// <summary>Checks made once the world has drained (quiescence): the name and what breaks it, or null.</summary>
    public IReadOnlyList<(string Name, Func<string?> Check)> AfterDrain => _afterDrain;

    /// <summary>Reports a broken expectation.</summary>
    public void Violated(string text) => _violations.Add(text);

    private readonly List<Action> _atDrainStart = [];

    /// <summary>Runs <paramref name="action"/> when the random actions end and the drain begins (to note what is open then).</summary>
    public void AtDrainStart(Action action) => _atDrainStart.Add(action);

    /// <summary>Adds a check made after the drain.</summary>
    public void CheckAfterDrain(string name, Func<string?> check) => _afterDrain.Add((name, check));

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
        foreach (var action in _atDrainStart) action();
        foreach (var (what, repair) in _repairs.ToArray()) Do(what + " (heal)", repair);
        _repairs.Clear();
    }
}
