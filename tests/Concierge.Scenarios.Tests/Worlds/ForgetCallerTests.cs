using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Worlds;

/// <summary>
/// A load run lets go of the callers whose calls have ended (ICallers.Forget), so memory does not grow with the calls:
/// a call in progress is kept, an ended one is dropped and can no longer be observed.
/// </summary>
public sealed class ForgetCallerTests
{
    [Theory]
    [InlineData("osv-example", "+4950505803201")]
    [InlineData("osv-oscc", "+4950505803201")]
    [InlineData("os4000-example", "+4950505809000")]
    public void A_call_in_progress_is_kept_and_an_ended_one_is_let_go(string topologyName, string pilot)
    {
        var world = new ScenarioWorld(5, new ScenarioEnvironment(TestRepository.Root, null, ScenarioSystemCatalog.Standard));
        var topology = TopologyCatalog.Load(TestRepository.Root, topologyName);
        world.UseTopology(topology);
        var callers = world.System.Callers!;
        var anna = callers.Dial("Anna", "+493011100001", pilot);
        world.Loop.RunFor(TimeSpan.FromSeconds(3));

        Assert.False(callers.Forget(anna));
        Assert.Null(callers.Observe(anna).Disposition);

        callers.HangUp(anna);
        world.Loop.RunFor(TimeSpan.FromSeconds(5));
        Assert.NotNull(callers.Observe(anna).Disposition);

        Assert.True(callers.Forget(anna));
        Assert.Throws<InvalidOperationException>(() => callers.Observe(anna));
    }
}
