using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Phones.Sip;
using Concierge.Simulators.Tests.Support;

using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Tests.Osv;

public sealed class LossyNetworkTests
{
    [Theory]
    [InlineData(91UL)]
    [InlineData(92UL)]
    public void Calls_connect_and_clear_on_a_lossy_network_with_duplicates(ulong seed)
    {
        var world = new OsvWorld(seed: seed);
        world.Network.SetAllLinks(new LinkProfile(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), LossPercent: 15, DuplicatePercent: 5, ReorderPercent: 5));
        world.RegisterCps();
        world.Run(TimeSpan.FromSeconds(10));
        Assert.True(world.Osv.IsRegistered("CPS001"));

        var calls = Enumerable.Range(0, 20).Select(i => world.Callers.Dial("c" + i, "+4930111000" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), "+4950505803201")).ToList();
        world.Run(TimeSpan.FromSeconds(20));
        Assert.All(calls, c => Assert.Equal(PartyCallState.Connected, c.State));
        Assert.Equal(20, world.Cps.Incoming.Count);

        foreach (var call in calls) call.Hangup();
        world.Run(TimeSpan.FromSeconds(40));
        Assert.All(world.Cps.Incoming, leg => Assert.Equal(SipCallState.Ended, leg.State));
        Assert.All(world.Osv.Switch.Calls, c => Assert.True(c.IsOver));
    }
}
