using Concierge.Scenarios.World;
using Reqnroll;

namespace Concierge.Scenarios.QaSteps;

/// <summary>
/// A phrase a QA team adds in its own binding assembly: it gets the same world by Reqnroll's context injection and
/// uses the runner's parameter types (`{duration}`).
/// </summary>
[Binding]
public sealed class QaTeamSteps(ScenarioWorld world)
{
    /// <summary>When the clock reaches &lt;d&gt; after the start: virtual time runs on to that moment (no step may go back in time).</summary>
    [When("the clock reaches {duration} after the start")]
    public void TheClockReaches(TimeSpan moment)
    {
        if (moment < world.Elapsed)
            throw new FormatException($"the clock is already at {world.Elapsed.TotalSeconds:0.###} s, past {moment.TotalSeconds:0.###} s");
        world.Pass(moment - world.Elapsed);
    }
}
