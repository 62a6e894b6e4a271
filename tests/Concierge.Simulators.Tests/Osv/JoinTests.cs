using Concierge.Media;
using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Tests.Support;

using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Tests.Osv;

public sealed class JoinTests
{
    private const string Caller = "+493011100001";

    [Fact]
    public void REFER_with_Replaces_connects_the_two_far_parties_and_releases_both_CPS_legs()
    {
        var world = new OsvWorld(seed: 31);
        world.RegisterCps();
        var caller = world.Callers.Dial("c1", Caller, "+4950505803201");
        world.Run(TimeSpan.FromSeconds(1));
        var x = Assert.Single(world.Cps.Incoming);
        Assert.Equal(SipCallState.Established, x.State);

        var y = world.Cps.Call("+4950505807001", "+4950505807580");
        world.Run(TimeSpan.FromSeconds(1));
        world.Phone("7001").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(SipCallState.Established, y.State);
        Assert.Equal(MediaContent.VoiceOf(StandInCps.Voice), world.Phone("7001").Hears);

        world.Cps.Join(x, y, "+4950505807001");
        world.Run(TimeSpan.FromSeconds(2));

        Assert.Equal(202, world.Cps.ReferStatuses.First(r => r.Call == x).Status);
        Assert.Contains(world.Cps.ReferStatuses, r => r.Call == x && r.Status == 200);
        Assert.Equal(SipCallState.Ended, x.State);
        Assert.Equal(SipCallState.Ended, y.State);
        Assert.Equal(PartyCallState.Connected, caller.State);
        Assert.Equal(MediaContent.VoiceOf("+4950505807001"), caller.Hears);
        Assert.Equal(MediaContent.VoiceOf(Caller), world.Phone("7001").Hears);
        Assert.Equal(1, world.Osv.Switch.JoinCount);

        caller.Hangup();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.False(world.Phone("7001").IsConnected);
    }

    [Fact]
    public void Calls_from_CPS_are_routed_with_the_charge_numbers_plan()
    {
        var world = new OsvWorld(seed: 32);
        world.RegisterCps();
        world.Cps.Call("7002", "+4950505807580");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7002").IsRinging);
        var call = world.Osv.Switch.Calls.Single();
        Assert.Equal("+4950505807580", call.ChargeNumber);
        Assert.Equal("BG_Concierge", call.BusinessGroup);
    }

    [Fact]
    public void Calls_to_external_numbers_leave_through_the_public_gateway()
    {
        var world = new OsvWorld(seed: 33);
        var call = world.Phone("7001").Dial("+493099900000");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(PartyCallState.RingingOut, call.State);
        Assert.Equal(MediaContent.Ringback, world.Phone("7001").Hears);
        world.Run(TimeSpan.FromSeconds(3));
        Assert.Equal(PartyCallState.Connected, call.State);
        Assert.Equal(MediaContent.VoiceOf("+493099900000"), call.Hears);
        Assert.Equal(["GW_PSTN"], world.Osv.Switch.Calls.Single().Route);
    }
}

public sealed class BlindReferTests
{
    [Fact]
    public void REFER_without_Replaces_sends_the_far_party_to_the_target_and_reports_success()
    {
        var world = new OsvWorld(seed: 111);
        world.RegisterCps();
        var caller = world.Callers.Dial("c1", "+493011100001", "+4950505803201");
        world.Run(TimeSpan.FromSeconds(1));
        var x = Assert.Single(world.Cps.Incoming);
        world.Cps.Transfer(x, "+4950505807001");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(202, world.Cps.ReferStatuses.First(r => r.Call == x).Status);
        Assert.True(world.Phone("7001").IsRinging);
        Assert.Equal("+493011100001", world.Phone("7001").Current!.RemoteNumber);

        world.Phone("7001").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Contains(world.Cps.ReferStatuses, r => r.Call == x && r.Status == 200);
        Assert.Equal(SipCallState.Ended, x.State);
        Assert.Equal(MediaContent.VoiceOf("+4950505807001"), caller.Hears);
        Assert.Equal(MediaContent.VoiceOf("+493011100001"), world.Phone("7001").Hears);
    }
}
