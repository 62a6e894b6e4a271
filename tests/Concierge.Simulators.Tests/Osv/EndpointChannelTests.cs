using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class EndpointChannelTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void An_endpoint_without_channels_is_unlimited_and_counts_its_calls()
    {
        var world = new OsvWorld(seed: 601);
        world.RegisterCps();
        Assert.Null(world.Osv.Switch.EndpointChannels("CPS001"));
        world.Callers.Dial("a", "+493011100001", "+4950505803201");
        world.Callers.Dial("b", "+493011100002", "+4950505803202");
        world.Run(Second);
        Assert.Equal(2, world.Cps.Incoming.Count);
        Assert.Equal(2, world.Osv.Switch.ChannelsInUse("CPS001"));
        world.Callers.Find("a")!.Hangup();
        world.Run(Second);
        Assert.Equal(1, world.Osv.Switch.ChannelsInUse("CPS001"));
    }

    [Fact]
    public void A_full_endpoint_cannot_be_seized_and_the_call_falls_back()
    {
        var world = new OsvWorld(seed: 602);
        world.RegisterCps();
        world.Osv.Switch.SetEndpointChannels("CPS001", 1);
        world.Callers.Dial("a", "+493011100001", "+4950505803201");
        world.Run(Second);
        world.Callers.Dial("b", "+493011100002", "+4950505803201");
        world.Run(Second);
        Assert.Single(world.Cps.Incoming);
        Assert.True(world.Osv.Switch.FellBackFor("+493011100002"));
        Assert.Throws<ArgumentException>(() => world.Osv.Switch.SetEndpointChannels("NOPE", 1));
    }

    [Fact]
    public void A_restricted_caller_is_reported_as_restricted_only_when_the_application_withholds_it()
    {
        var world = new OsvWorld(seed: 603);
        world.Callers.Dial("a", "+493011100001", "+4950505807001", presentationRestricted: true);
        world.Run(Second);
        var call = world.Osv.Switch.Calls.Single();
        Assert.True(call.PresentationRestricted);
        Assert.Equal("+493011100001", world.Osv.Csta.Events.CallingDeviceOf(call).Id);
        world.Osv.Csta.Events.ReportsRestrictedNumbers = false;
        Assert.Equal(Concierge.Csta.Messages.EventDeviceKind.Restricted, world.Osv.Csta.Events.CallingDeviceOf(call).Kind);
    }
}
