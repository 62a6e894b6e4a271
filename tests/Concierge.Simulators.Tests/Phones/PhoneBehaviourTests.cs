using Concierge.Media;
using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Tests.Support;

using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Tests.Phones;

public sealed class PhoneBehaviourTests
{
    [Fact]
    public void Attendant_phones_have_call_waiting_off_and_a_second_caller_hears_busy()
    {
        var world = new OsvWorld(seed: 41);
        var first = world.Callers.Dial("c1", "+493011100001", "+4950505807580");
        world.Run(TimeSpan.FromSeconds(1));
        world.Phone("7580").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(PartyCallState.Connected, first.State);

        var second = world.Callers.Dial("c2", "+493011100002", "+4950505807580");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(PartyCallState.Busy, second.State);
        Assert.Equal(MediaContent.BusyTone, second.Hears);
        Assert.Equal(1, world.Phone("7580").IncomingCallCount);
    }

    [Fact]
    public void A_caller_who_hangs_up_before_the_busy_answer_arrives_has_ended_and_hears_no_busy_tone()
    {
        // Found by `./run-sim.sh swarm --seed 35 --topologies os4000-example,os4000-vnr,osv-oscc,osv-oscc-unifyphone`:
        // the 486 that came after the hang-up turned the ended call back into a busy tone, for ever.
        var world = new OsvWorld(seed: 44);
        world.Callers.Dial("c1", "+493011100001", "+4950505807580");
        world.Run(TimeSpan.FromSeconds(1));
        world.Phone("7580").Answer();
        world.Run(TimeSpan.FromSeconds(1));

        var second = world.Callers.Dial("c2", "+493011100002", "+4950505807580");
        second.Hangup();
        world.Run(TimeSpan.FromSeconds(1));

        Assert.Equal(PartyCallState.Ended, second.State);
        Assert.False(second.IsActive);
        Assert.Equal(MediaContent.Silence, second.Hears);
    }

    [Fact]
    public void Office_phones_with_call_waiting_ring_for_a_second_call()
    {
        var world = new OsvWorld(seed: 42);
        world.Callers.Dial("c1", "+493011100001", "+4950505807001");
        world.Run(TimeSpan.FromSeconds(1));
        world.Phone("7001").Answer();
        world.Callers.Dial("c2", "+493011100002", "+4950505807001");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7001").IsConnected);
        Assert.True(world.Phone("7001").IsRinging);
    }

    [Fact]
    public void A_phone_answers_after_its_set_delay_and_a_rejecting_phone_sends_the_status()
    {
        var world = new OsvWorld(seed: 43);
        world.Phone("7002").Settings = world.Phone("7002").Settings with { AnswerAfter = TimeSpan.FromSeconds(3) };
        world.Phone("7003").Settings = world.Phone("7003").Settings with { RejectWith = 603 };
        var answered = world.Callers.Dial("c1", "+493011100001", "+4950505807002");
        var rejected = world.Callers.Dial("c2", "+493011100002", "+4950505807003");
        world.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(PartyCallState.RingingOut, answered.State);
        Assert.Equal(PartyCallState.Failed, rejected.State);
        Assert.Equal(603, rejected.FailureStatus);
        world.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(PartyCallState.Connected, answered.State);
        Assert.Equal(MediaContent.VoiceOf("+493011100001"), world.Phone("7002").Hears);
    }

    [Fact]
    public void A_caller_hanging_up_while_ringing_cancels_the_phone()
    {
        var world = new OsvWorld(seed: 44);
        var call = world.Callers.Dial("c1", "+493011100001", "+4950505807004");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7004").IsRinging);
        call.Hangup();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.False(world.Phone("7004").IsRinging);
        Assert.Equal(0, world.Osv.Switch.Devices["+4950505807004"].ActiveCalls);
    }

    [Fact]
    public void Phones_use_consecutive_ports_from_the_phone_port_base_attendants_first()
    {
        var world = new OsvWorld(seed: 45);
        Assert.Equal(5100, world.Phone("7580").LocalEndPoint.Port);
        Assert.Equal(5103, world.Phone("7583").LocalEndPoint.Port);
        Assert.Equal(5104, world.Phone("7001").LocalEndPoint.Port);
        Assert.Null(world.Osv.Phone("5520"));
    }
}
