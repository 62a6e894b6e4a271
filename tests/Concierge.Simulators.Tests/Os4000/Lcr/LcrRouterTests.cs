using Concierge.Simulators.Os4000.Configuration;
using Concierge.Simulators.Os4000.Lcr;
using Concierge.Simulators.Osv.Routing;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Os4000.Lcr;

public sealed class LcrRouterTests
{
    private static readonly Os4000Config Example = Os4000ConfigReader.Require(OsvWorld.Load("os4000-example"));
    private static readonly Os4000Config Vnr = Os4000ConfigReader.Require(OsvWorld.Load("os4000-vnr"));

    [Fact]
    public void A_pilot_goes_to_the_stmi_trunk_group_as_e164_with_a_reroute()
    {
        var router = new LcrRouter(Example);
        var target = Assert.IsType<DestinationTarget>(router.Route(router.Normalize("+4950505809000", null)));
        Assert.Equal("4950505809000", target.Digits);
        Assert.Equal(["TGRP181"], target.Destination.RouteEndpoints);
        Assert.True(target.Destination.FallbackToLocalNumberingPlan);
    }

    [Theory]
    [InlineData("4950505809000")]
    [InlineData("4950505809209")]
    public void The_reroute_of_pilots_and_personal_lines_is_hunt_group_5520(string digits)
    {
        var target = Assert.IsType<HuntGroupTarget>(new LcrRouter(Example).RouteInBusinessGroup(digits, null));
        Assert.Equal("+4950505805520", target.HuntGroup.Number);
    }

    [Theory]
    [InlineData("4950505809300")]
    [InlineData("4950505809349")]
    [InlineData("4950505809399")]
    public void Internal_resources_have_no_reroute(string digits)
    {
        var router = new LcrRouter(Example);
        var target = Assert.IsType<DestinationTarget>(router.Route(digits));
        Assert.False(target.Destination.FallbackToLocalNumberingPlan);
        Assert.IsType<NoRoute>(router.RouteInBusinessGroup(digits, null));
    }

    [Fact]
    public void Stations_and_hunt_groups_are_reached_by_extension_and_others_go_to_the_public_trunk()
    {
        var router = new LcrRouter(Example);
        Assert.Equal("+4950505807001", Assert.IsType<SubscriberTarget>(router.Route(router.Normalize("7001", null))).Subscriber.Number);
        Assert.IsType<HuntGroupTarget>(router.Route(router.Normalize("5520", null)));
        Assert.Equal(["PSTN"], Assert.IsType<DestinationTarget>(router.Route(router.Normalize("+4930111", null))).Destination.RouteEndpoints);
        Assert.IsType<NoRoute>(router.Route(router.Normalize("7999", null)));
    }

    [Fact]
    public void Vnr_node_codes_are_replaced_by_their_e164_prefix()
    {
        var router = new LcrRouter(Vnr);
        Assert.Equal("4950505809000", router.Normalize("9999919000", null));
        Assert.Equal("4950505807001", router.Normalize("7001", null));
        Assert.Equal("4930111", router.Normalize("+4930111", null));
        Assert.Equal("9999919000", new LcrRouter(Example).Normalize("9999919000", null));
    }

    [Fact]
    public void Key_codes_are_features()
    {
        var router = new LcrRouter(Example);
        var trace = Assert.IsType<FeatureTarget>(router.Route(router.Normalize("*17", null)));
        Assert.Equal(SwitchFeature.MaliciousCallTrace, trace.Feature);
        var knock = Assert.IsType<FeatureTarget>(router.Route(router.Normalize("*197001", null)));
        Assert.Equal(SwitchFeature.BusyOverride, knock.Feature);
        Assert.Equal("+4950505807001", knock.Argument);
        Assert.IsType<NoRoute>(router.Route(router.Normalize("*99", null)));
    }
}
