using Concierge.Config.Numbers;
using Concierge.Cps.Legs;
using Concierge.Csta.Messages;

namespace Concierge.Cps.Tests.Csta;

/// <summary>
/// The caller hangs up just after the PBX joined it with the attendant: the attendant's clearing arrives over CSTA
/// before the SIP outcome of the join reaches the CPS. Once the join is reported the call ends, it does not stay
/// connected to the attendant.
/// </summary>
public sealed class ClearedWhileJoiningTests
{
    private const string Attendant = "+4950505807580";
    private static readonly ConnectionId Connection = new("C5", Attendant);
    private readonly CstaControlWorld _world = new(12);

    public ClearedWhileJoiningTests()
    {
        _world.Dispatcher.Register<SetForwarding>((_, c) => c.Respond(new SetForwardingResponse()));
        _world.StartAndMonitor();
    }

    [Fact]
    public void A_clearing_that_overtakes_the_join_ends_the_call_once_it_is_joined()
    {
        // Found by `./run-sim.sh swarm --seed 117 --topologies …,os4000-restricted,…`.
        var device = E164Number.Parse(Attendant);
        _world.Engine.LogOn(device);
        _world.Engine.OnIncomingLeg(new LegId(1), E164Number.Parse("+4950505803201"), "+493011100001");
        var attendantLeg = _world.Legs.LastDialTo(device);
        _world.Engine.OnLegAnswered(attendantLeg);
        _world.Server.Publisher.Publish(Attendant, x => new EstablishedEvent(x, Connection, EventDevice.Of(Attendant), EventDevice.Of("+493011100001"),
            EventDevice.Of(Attendant), null, LocalConnectionState.Connected, EventCause.NewCall));
        _world.Server.Publisher.Publish(Attendant, x => new ConnectionClearedEvent(x, Connection, EventDevice.Of(Attendant), LocalConnectionState.Null, EventCause.NormalClearing));
        _world.Loop.RunFor(TimeSpan.FromMilliseconds(200));
        Assert.NotNull(_world.Engine.Attendant(device)!.CurrentCall);

        _world.Engine.OnLegsJoined(new LegId(1), attendantLeg);

        Assert.Null(_world.Engine.Attendant(device)!.CurrentCall);
        Assert.Equal(Cps.Records.CallDisposition.Answered, _world.Engine.Records.Single().Disposition);
        _world.Engine.CheckInvariants();
    }
}
