using Concierge.Simulators.Os4000.Monitoring;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Os4000.Monitoring;

public sealed class TrunkMonitoringTests
{
    [Fact]
    public void The_import_offers_the_public_trunk_group_for_os4k_monitoring_and_the_stmi_for_cps_monitoring()
    {
        var world = new Os4000World(seed: 410);
        var monitoring = world.Os4000.Monitoring;
        var pstn = Assert.Single(monitoring.Os4kTable);
        Assert.Equal(1, pstn.TrunkGroup);
        var cps = Assert.Single(monitoring.CpsTable);
        Assert.Equal((181, "os4000", 181_001, 181_030, 30), (cps.TrunkGroup, cps.Site, cps.From, cps.To, cps.Channels));
        Assert.Equal(cps, monitoring.RowOf(181_017));
        Assert.Null(monitoring.RowOf(181_031));
    }

    [Fact]
    public void The_cps_row_counts_the_seized_b_channels()
    {
        var world = new Os4000World(seed: 411);
        world.RegisterCps();
        world.Callers.Dial("a", "+493011100001", "+4950505809000");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(1, world.Os4000.Monitoring.CpsTable[0].ChannelsInUse);
    }

    [Fact]
    public void The_public_trunk_row_counts_calls_from_the_public_network()
    {
        var world = new Os4000World(seed: 412);
        world.Callers.Dial("a", "+493011100001", "+4950505807001");
        world.Run(TimeSpan.FromSeconds(1));
        var row = world.Os4000.Monitoring.Os4kTable[0];
        Assert.Equal((1, 30), (row.ChannelsInUse, row.Channels));
        world.Callers.Find("a")!.Hangup();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(0, world.Os4000.Monitoring.Os4kTable[0].ChannelsInUse);
    }
}
