using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Tests.Support;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Tests.Os4000;

public sealed class Os4000SimulatorTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Without_a_registered_cps_a_pilot_call_is_rerouted_to_the_first_attendant_of_the_cyclic_group()
    {
        var world = new Os4000World(seed: 401);
        world.Callers.Dial("a", "+493011100001", "+4950505809000");
        world.Run(Second);
        Assert.True(world.Phone("7580").IsRingingFrom("+493011100001"));
        var call = world.Os4000.Switch.Calls.Single();
        Assert.True(call.FellBack);
        Assert.Equal(["TGRP181", "+4950505805520", "+4950505807580"], call.Route);
    }

    [Fact]
    public void A_registered_cps_gets_the_pilot_call_as_an_international_number_on_one_b_channel()
    {
        var world = new Os4000World(seed: 402);
        world.RegisterCps();
        Assert.Equal(200, world.Cps.LastRegisterStatus);
        Assert.True(world.Os4000.IsCpsRegistered);
        world.Callers.Dial("a", "+493011100001", "+4950505809000");
        world.Run(Second);
        var incoming = Assert.Single(world.Cps.Incoming);
        Assert.Equal("+4950505809000", incoming.Invite.RequestUri.User);
        Assert.Equal(1, world.Os4000.StmiChannelsInUse);
    }

    [Fact]
    public void With_all_b_channels_busy_the_next_pilot_call_is_rerouted_and_a_cps_call_is_refused()
    {
        var world = new Os4000World(seed: 403);
        world.Os4000.SetStmiChannels(1);
        world.RegisterCps();
        world.Callers.Dial("a", "+493011100001", "+4950505809000");
        world.Run(Second);
        world.Callers.Dial("b", "+493011100002", "+4950505809001");
        world.Run(Second);
        Assert.Single(world.Cps.Incoming);
        Assert.True(world.Phone("7580").IsRingingFrom("+493011100002"));
        var fromCps = world.Cps.Call("+4950505807001", "+4950505809000");
        world.Run(Second);
        Assert.Equal(SipCallState.Ended, fromCps.State);
        Assert.Equal(1, world.Os4000.Switch.RefusedForChannels);
        Assert.Equal(1, world.Os4000.StmiChannelsInUse);
    }

    [Fact]
    public void The_stmi_trunk_takes_at_most_its_configured_maximum()
    {
        var world = new Os4000World(seed: 404);
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Os4000.SetStmiChannels(121));
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Os4000.SetStmiChannels(0));
        world.Os4000.SetStmiChannels(120);
        Assert.Equal(120, world.Os4000.StmiChannels);
    }

    [Fact]
    public void An_attendant_traces_the_party_it_talks_to_and_an_office_phone_may_not()
    {
        var world = new Os4000World(seed: 405);
        world.Callers.Dial("a", "+493011100001", "+4950505807580");
        world.Run(Second);
        world.Phone("7580").Answer();
        world.Run(Second);
        var code = world.Phone("7580").Dial("*17");
        world.Run(Second);
        var trace = Assert.Single(world.Os4000.Switch.MaliciousCallTraces);
        Assert.Equal("+493011100001", trace.TracedParty);
        Assert.Equal("+4950505807580", trace.Device);
        Assert.Equal(603, code.FailureStatus);
        Assert.True(world.Phone("7580").IsConnected);

        var office = world.Phone("7001").Dial("*17");
        world.Run(Second);
        Assert.Equal(403, office.FailureStatus);
        Assert.Single(world.Os4000.Switch.MaliciousCallTraces);
    }

    [Fact]
    public void Busy_override_rings_a_busy_attendant_with_a_knock()
    {
        var world = new Os4000World(seed: 406);
        world.Callers.Dial("a", "+493011100001", "+4950505807581");
        world.Run(Second);
        world.Phone("7581").Answer();
        world.Run(Second);
        var plain = world.Phone("7580").Dial("7581");
        world.Run(Second);
        Assert.Equal(PartyCallState.Busy, plain.State);
        world.Phone("7580").Hangup();
        world.Phone("7580").Dial("*197581");
        world.Run(Second);
        Assert.True(world.Phone("7581").IsRingingFrom("+4950505807580"));
        Assert.True(world.Phone("7581").IsConnected);
    }

    [Fact]
    public void Without_sip_register_for_trunking_the_cps_is_refused_and_pilot_calls_reroute()
    {
        var document = OsvWorld.Variant("extends: os4000-example\nname: variant\nos4000:\n  stmi:\n    allowSipRegisterForTrunking: false\n");
        var world = new Os4000World(document, 407);
        world.RegisterCps();
        Assert.Equal(404, world.Cps.LastRegisterStatus);
        Assert.False(world.Os4000.IsCpsRegistered);
        world.Callers.Dial("a", "+493011100001", "+4950505809000");
        world.Run(Second);
        Assert.True(world.Phone("7580").IsRingingFrom("+493011100001"));
    }

    [Fact]
    public void A_restricted_caller_is_reported_as_restricted_only_without_presentation_restricted_ignore()
    {
        var ignoring = new Os4000World(seed: 408);
        Assert.True(ignoring.Os4000.Core.Csta.Events.ReportsRestrictedNumbers);
        var restricting = new Os4000World("os4000-restricted", 409);
        restricting.Callers.Dial("a", "+493011100001", "+4950505807001", presentationRestricted: true);
        restricting.Run(Second);
        var call = restricting.Os4000.Switch.Calls.Single();
        Assert.Equal(Concierge.Csta.Messages.EventDeviceKind.Restricted, restricting.Os4000.Core.Csta.Events.CallingDeviceOf(call).Kind);
    }
}
