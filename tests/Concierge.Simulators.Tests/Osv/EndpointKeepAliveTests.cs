using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class EndpointKeepAliveTests
{
    private const string Pilot = "+4950505803201";

    [Fact]
    public void An_endpoint_that_stops_answering_keep_alive_is_out_of_service_its_calls_cleared_and_new_calls_fall_back()
    {
        var world = new OsvWorld(seed: 21);
        world.Osv.Switch.StartKeepAlive();
        world.RegisterCps();
        var first = world.Callers.Dial("c1", "+493011100001", Pilot);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(PartyCallState.Connected, first.State);

        world.Network.Crash("cps"); // the CPS dies with a call in progress and its registration still valid
        world.Run(TimeSpan.FromSeconds(10));

        Assert.Equal(1, world.Osv.Switch.EndpointsOutOfService);
        Assert.False(world.Osv.IsRegistered("CPS001"));
        Assert.Equal(PartyCallState.Ended, first.State);

        world.Callers.Dial("c2", "+493011100002", Pilot);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7580").IsRinging);
    }

    [Fact]
    public void An_endpoint_that_answers_keep_alive_keeps_its_calls_and_registration()
    {
        var world = new OsvWorld(seed: 22);
        world.Osv.Switch.StartKeepAlive();
        world.RegisterCps();
        var call = world.Callers.Dial("c1", "+493011100001", Pilot);
        world.Run(TimeSpan.FromSeconds(30));

        Assert.Equal(PartyCallState.Connected, call.State);
        Assert.True(world.Osv.IsRegistered("CPS001"));
    }
}
