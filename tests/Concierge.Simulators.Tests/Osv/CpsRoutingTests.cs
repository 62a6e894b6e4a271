using Concierge.Media;
using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class CpsRoutingTests
{
    private const string Pilot = "+4950505803201";
    private const string Caller = "+493011100001";

    [Fact]
    public void Pilot_call_reaches_the_registered_CPS_endpoint_and_media_is_end_to_end()
    {
        var world = new OsvWorld(seed: 11);
        world.RegisterCps();
        Assert.Equal(200, world.Cps.LastRegisterStatus);
        Assert.True(world.Osv.IsRegistered("CPS001"));

        var call = world.Callers.Dial("c1", Caller, Pilot);
        world.Run(TimeSpan.FromSeconds(2));

        var leg = Assert.Single(world.Cps.Incoming);
        Assert.Equal(Pilot, leg.Invite.RequestUri.User);
        Assert.Equal(Caller, leg.RemoteParty!.Uri.User);
        Assert.Equal(PartyCallState.Connected, call.State);
        Assert.Equal(MediaContent.VoiceOf(StandInCps.Voice), call.Hears);
        Assert.Equal(["CPS001"], world.Osv.Switch.Calls.Single().Route);
        Assert.All(world.Osv.Phones.Values, p => Assert.Equal(0, p.IncomingCallCount));
    }

    [Fact]
    public void Unregistered_CPS_sends_the_pilot_call_to_the_longest_idle_hunt_group_member()
    {
        var world = new OsvWorld(seed: 12);
        string[] members = ["7580", "7581", "7582", "7583"];
        var calls = new List<PartyCall>();
        for (var i = 0; i < 4; i++)
        {
            calls.Add(world.Callers.Dial("c" + i, Caller[..^1] + i, Pilot));
            world.Run(TimeSpan.FromSeconds(1));
        }
        // Every member rings once, in member order (all equally idle at the start).
        foreach (var alias in members)
        {
            Assert.True(world.Phone(alias).IsRinging, alias);
            world.Phone(alias).Answer();
        }
        world.Run(TimeSpan.FromSeconds(1));
        Assert.All(calls, c => Assert.Equal(PartyCallState.Connected, c.State));
        Assert.All(world.Osv.Switch.Calls, c => Assert.True(c.FellBack));

        // Members become idle in the order 7582, 7580, 7583, 7581: UCD offers the next call to 7582, then 7580.
        foreach (var alias in new[] { "7582", "7580", "7583", "7581" })
        {
            world.Phone(alias).Hangup();
            world.Run(TimeSpan.FromSeconds(5));
        }
        var next = world.Callers.Dial("n1", "+493011100010", Pilot);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7582").IsRinging);
        Assert.Equal(PartyCallState.RingingOut, next.State);
        Assert.Equal(MediaContent.Ringback, next.Hears);
        world.Callers.Dial("n2", "+493011100011", Pilot);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7580").IsRinging);
        Assert.False(world.Phone("7583").IsRinging);
    }

    [Fact]
    public void CPS_crashed_while_registered_falls_back_after_the_supervision_timer()
    {
        var world = new OsvWorld(seed: 13);
        world.RegisterCps();
        world.Network.Crash("cps");
        var call = world.Callers.Dial("c1", Caller, Pilot);

        world.Run(TimeSpan.FromSeconds(31));
        Assert.All(world.Osv.Phones.Values, p => Assert.False(p.IsRinging));
        Assert.NotEqual(PartyCallState.Failed, call.State);

        world.Run(TimeSpan.FromSeconds(2));
        Assert.True(world.Phone("7580").IsRinging);
        var switchCall = world.Osv.Switch.Calls.Single();
        Assert.True(switchCall.FellBack);
        Assert.Equal(["CPS001", "+4950505805520", "+4950505807580"], switchCall.Route);
    }

    [Fact]
    public void CPS_answering_503_falls_back_at_once()
    {
        var world = new OsvWorld(seed: 14);
        world.RegisterCps();
        world.Cps.AnswerWith = 503;
        world.Callers.Dial("c1", Caller, "+4950505803220");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Single(world.Cps.Incoming);
        Assert.True(world.Phone("7580").IsRinging);
    }

    [Fact]
    public void Internal_resource_numbers_fail_without_fallback()
    {
        var world = new OsvWorld(seed: 15);
        var call = world.Callers.Dial("c1", Caller, "+4950505803301");
        world.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(PartyCallState.Failed, call.State);
        Assert.Equal(503, call.FailureStatus);
        Assert.All(world.Osv.Phones.Values, p => Assert.Equal(0, p.IncomingCallCount));
        Assert.False(world.Osv.Switch.Calls.Single().FellBack);
    }

    [Fact]
    public void Registering_every_120_seconds_deactivates_the_endpoint_and_calls_fall_back()
    {
        var world = new OsvWorld(seed: 16);
        var deactivated = new List<(string, TimeSpan)>();
        world.Osv.EndpointDeactivated += (endpoint, interval) => deactivated.Add((endpoint, interval));
        world.RegisterCps(TimeSpan.FromSeconds(120));

        Assert.Equal([("CPS001", TimeSpan.FromSeconds(120))], deactivated);
        Assert.True(world.Osv.IsDeactivated("CPS001"));
        Assert.False(world.Osv.IsRegistered("CPS001"));
        Assert.Equal(423, world.Cps.LastRegisterStatus);

        world.RegisterCps(TimeSpan.FromSeconds(305));
        Assert.Equal(403, world.Cps.LastRegisterStatus);
        world.Callers.Dial("c1", Caller, Pilot);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Empty(world.Cps.Incoming);
        Assert.True(world.Phone("7580").IsRinging);
    }

    [Fact]
    public void Registration_expires_and_calls_then_fall_back()
    {
        var world = new OsvWorld(seed: 17);
        world.RegisterCps(TimeSpan.FromSeconds(305));
        world.Run(TimeSpan.FromSeconds(306));
        Assert.False(world.Osv.IsRegistered("CPS001"));
        world.Callers.Dial("c1", Caller, Pilot);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7580").IsRinging);
    }

    [Fact]
    public void A_302_from_CPS_redirects_the_call_to_the_contact()
    {
        var world = new OsvWorld(seed: 18);
        world.RegisterCps();
        world.Cps.AnswerWith = 302;
        world.Cps.RedirectTo = "+4950505807001";
        var call = world.Callers.Dial("c1", Caller, Pilot);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7001").IsRinging);
        world.Phone("7001").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(MediaContent.VoiceOf("+4950505807001"), call.Hears);
        Assert.Equal(MediaContent.VoiceOf(Caller), world.Phone("7001").Hears);
    }
}
