using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class DeterminismTests
{
    private static string Run(ulong seed)
    {
        var world = new OsvWorld(seed: seed);
        world.RegisterCps();
        for (var i = 0; i < 5; i++) world.Callers.Dial("c" + i, "+49301110000" + i, "+4950505803201");
        world.Run(TimeSpan.FromSeconds(2));
        world.Network.Crash("cps");
        for (var i = 5; i < 8; i++) world.Callers.Dial("c" + i, "+49301110000" + i, "+4950505803202");
        world.Run(TimeSpan.FromSeconds(40));
        return world.Trace.HashHex();
    }

    [Fact]
    public void The_same_seed_gives_the_same_trace()
    {
        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }
}
