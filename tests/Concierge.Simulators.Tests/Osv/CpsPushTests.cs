using Concierge.Csta.Messages;
using Concierge.Simulators.Phones.Sip;
using Concierge.Simulators.Tests.Support;

using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Tests.Osv;

public sealed class CpsPushTests
{
    [Fact]
    public void Calls_the_CPS_pushes_to_an_attendant_are_answered_at_once_office_phones_ring()
    {
        var world = new OsvWorld(seed: 81);
        world.RegisterCps();
        var toAttendant = world.Cps.Call("+4950505807581", "+4950505807581");
        var toOffice = world.Cps.Call("+4950505807001", "+4950505807581");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(SipCallState.Established, toAttendant.State);
        Assert.True(world.Phone("7581").IsConnected);
        Assert.Equal(SipCallState.Ringing, toOffice.State);
        Assert.True(world.Phone("7001").IsRinging);
    }

    [Fact]
    public void A_pushed_call_to_a_busy_attendant_gets_busy()
    {
        var world = new OsvWorld(seed: 82);
        world.RegisterCps();
        world.Cps.Call("+4950505807582", "+4950505807582");
        world.Run(TimeSpan.FromSeconds(1));
        var second = world.Cps.Call("+4950505807582", "+4950505807582");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(486, second.FinalStatus);
    }

    [Fact]
    public void Forwarding_set_through_the_switch_API_applies_and_is_reported()
    {
        var world = new OsvWorld(seed: 83);
        Assert.True(world.Osv.Switch.SetForwarding("7003", ForwardingType.Immediate, "+4950505807004"));
        Assert.Equal("+4950505807004", world.Osv.Switch.Device("+4950505807003")!.ForwardImmediate);
        Assert.Contains(("+4950505807003", "Forwarding"), world.Osv.Csta.Events.Log);
        world.Callers.Dial("c1", "+493011100001", "+4950505807003");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7004").IsRinging);
        Assert.False(world.Osv.Switch.SetForwarding("9999", ForwardingType.Immediate, null));
    }
}
