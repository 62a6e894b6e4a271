using Concierge.Simulators.Oscc.Configuration;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Oscc.Configuration;

public sealed class OsccConfigReaderTests
{
    [Fact]
    public void The_standard_topology_reads_its_queue()
    {
        var config = OsccConfigReader.Require(OsvWorld.Load("osv-oscc"));
        var queue = Assert.Single(config.Queues);
        Assert.Equal(("Main", "+4950505803201", "+4950505805530", "+4950505805531"), (queue.Name, queue.Pilot, queue.InitialHuntGroup, queue.MusicOnHoldHuntGroup));
        Assert.Equal(4, queue.Agents.Count);
        Assert.Equal("automatic", config.RoutingMode);
    }

    [Theory]
    [InlineData("oscc:\n  routingMode: sometimes\n", "oscc.routingMode")]
    [InlineData("oscc:\n  queues:\n    Main:\n      pilot: \"3201\"\n", "oscc.queues.Main.pilot")]
    [InlineData("oscc:\n  queues:\n    Main:\n      agents: [\"7580\"]\n", "oscc.queues.Main.agents")]
    [InlineData("oscc:\n  whenDown: nothing\n", "oscc.whenDown")]
    [InlineData("oscc:\n  queues:\n    Main:\n      initialHuntGroup: \"+4950505805531\"\n", "differs from the DDI entry's initial hunt group +4950505805530")]
    [InlineData("oscc:\n  queues:\n    Other: { pilot: \"+4950505803202\", initialHuntGroup: \"+4950505805530\", musicOnHoldHuntGroup: \"+4950505805531\", agents: [] }\n", "\"+4950505803202\" is not a DDI entry")]
    public void A_bad_value_is_named_with_its_field(string yaml, string expected)
    {
        var document = OsvWorld.Variant("extends: osv-oscc\nname: variant\n" + yaml);
        Assert.Null(OsccConfigReader.Read(document, out var errors));
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
