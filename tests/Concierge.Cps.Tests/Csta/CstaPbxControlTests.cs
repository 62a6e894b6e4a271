using System.Net;
using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Csta;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;
using Concierge.Csta.Messages;
using Concierge.Csta.Server;
using Concierge.Csta.Session;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Cps.Tests.Csta;

public sealed class CstaPbxControlTests
{
    private const string Attendant = "+4950505807580";
    private readonly SimulatedEventLoop _loop = new();
    private readonly SimulatedNetwork _network;
    private readonly CstaServerListener _server;
    private readonly CstaClientSession _session;
    private readonly CstaPbxControl _control;
    private readonly RecordingLegs _legs = new();
    private readonly CpsEngine _engine;
    private readonly List<CstaRequest> _received = new();

    public CstaPbxControlTests()
    {
        var random = new DeterministicRandom(3);
        _network = new SimulatedNetwork(_loop, random.Split("net"));
        var cps = _network.AddHost("cps", IPAddress.Parse("192.0.2.20"));
        var osv = _network.AddHost("osv", IPAddress.Parse("192.0.2.10"));
        var dispatcher = new CstaRequestDispatcher()
            .Register<SetForwarding>((r, c) => { _received.Add(r); c.Respond(new SetForwardingResponse()); })
            .Register<ClearConnection>((r, c) => { _received.Add(r); c.Respond(new ClearConnectionResponse()); })
            .Register<SingleStepTransferCall>((r, c) => { _received.Add(r); c.Respond(new SingleStepTransferCallResponse(r.ActiveCall)); });
        _server = new CstaServerListener(osv, 1040, dispatcher);
        _session = new CstaClientSession(_loop, cps, new CstaClientOptions(new IPEndPoint(osv.Address, 1040)), random.Split("csta"));
        _control = new CstaPbxControl(_session, _loop.Time);
        _engine = new CpsEngine(Topologies.Load("osv-example"), _loop.Time, _legs, _control);
        _control.Attach(_engine);
        _session.Start();
        Assert.True(_loop.RunUntil(() => _session.Monitors.All(m => m.Status == MonitorStatus.Active), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Every_attendant_device_is_monitored()
    {
        Assert.Equal(4, _server.Publisher.Count);
        Assert.Equal(1, _server.Publisher.CountFor(Attendant));
    }

    [Fact]
    public void Personal_line_forwarding_release_and_the_end_of_the_call_go_over_the_link()
    {
        var device = E164Number.Parse(Attendant);
        _engine.LogOn(device);
        _engine.OnIncomingLeg(new LegId(1), E164Number.Parse("+4950505803201"), "+493011100001");
        var attendantLeg = _legs.LastDialTo(device);
        _engine.OnLegAnswered(attendantLeg);
        _engine.OnLegsJoined(new LegId(1), attendantLeg);
        _server.Publisher.Publish(Attendant, x => new EstablishedEvent(x, new ConnectionId("call-7", Attendant), EventDevice.Of(Attendant),
            EventDevice.Of("+493011100001"), EventDevice.Of(Attendant), null, LocalConnectionState.Connected, EventCause.NormalClearing));
        _loop.RunFor(TimeSpan.FromSeconds(1));

        var cfu = Assert.IsType<SetForwarding>(Assert.Single(_received));
        Assert.Equal((Attendant, ForwardingType.Immediate, true, "+4950505803220"), (cfu.Device, cfu.ForwardingType, cfu.ActivateForward, cfu.ForwardDn));

        Assert.True(_engine.Release(device).Succeeded);
        _loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(new ConnectionId("call-7", Attendant), Assert.IsType<ClearConnection>(_received[1]).ConnectionToBeCleared);

        _server.Publisher.Publish(Attendant, x => new ConnectionClearedEvent(x, new ConnectionId("call-7", Attendant), EventDevice.Of(Attendant),
            LocalConnectionState.Null, EventCause.NormalClearing));
        _loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(CallDisposition.Answered, _engine.Records.Single().Disposition);
        var off = Assert.IsType<SetForwarding>(_received[2]);
        Assert.False(off.ActivateForward);
        _engine.CheckInvariants();
    }

    [Fact]
    public void Park_is_a_single_step_transfer_of_the_attendants_connection_to_a_request_number()
    {
        var device = E164Number.Parse(Attendant);
        _engine.LogOn(device);
        _engine.OnIncomingLeg(new LegId(1), E164Number.Parse("+4950505803201"), "+493011100001");
        var attendantLeg = _legs.LastDialTo(device);
        _engine.OnLegAnswered(attendantLeg);
        _engine.OnLegsJoined(new LegId(1), attendantLeg);
        _server.Publisher.Publish(Attendant, x => new EstablishedEvent(x, new ConnectionId("call-9", Attendant), EventDevice.Of(Attendant),
            EventDevice.Of("+493011100001"), EventDevice.Of(Attendant), null, LocalConnectionState.Connected, EventCause.NormalClearing));
        _loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.True(_engine.Park(device).Succeeded);
        _loop.RunFor(TimeSpan.FromSeconds(1));

        var transfer = Assert.IsType<SingleStepTransferCall>(_received.Last());
        Assert.Equal(new ConnectionId("call-9", Attendant), transfer.ActiveCall);
        Assert.Equal("+4950505803301", transfer.TransferredTo);
    }

    [Fact]
    public void The_switch_clearing_a_parked_connection_before_the_call_arrives_on_the_request_number_does_not_end_the_call()
    {
        var device = E164Number.Parse(Attendant);
        _engine.LogOn(device);
        _engine.OnIncomingLeg(new LegId(1), E164Number.Parse("+4950505803201"), "+493011100001");
        var attendantLeg = _legs.LastDialTo(device);
        _engine.OnLegAnswered(attendantLeg);
        _engine.OnLegsJoined(new LegId(1), attendantLeg);
        _server.Publisher.Publish(Attendant, x => new EstablishedEvent(x, new ConnectionId("call-11", Attendant), EventDevice.Of(Attendant),
            EventDevice.Of("+493011100001"), EventDevice.Of(Attendant), null, LocalConnectionState.Connected, EventCause.NormalClearing));
        _loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.True(_engine.Park(device).Succeeded);
        _loop.RunFor(TimeSpan.FromSeconds(1));

        // The transfer's events overtake the call on its way to the request number (or, lagging, come after it).
        _server.Publisher.Publish(Attendant, x => new ConnectionClearedEvent(x, new ConnectionId("call-11", Attendant), EventDevice.Of(Attendant),
            LocalConnectionState.Null, EventCause.Transfer));
        _loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.Null(_engine.Records.Single().Disposition);
        _engine.OnIncomingLeg(new LegId(2), E164Number.Parse("+4950505803301"), "+493011100001");
        Assert.Equal(ProcessingState.Parked, _engine.FindCallFrom("+493011100001")!.Processing);
        _engine.CheckInvariants();
    }

    [Fact]
    public void Losing_the_link_is_reported_as_a_switch_over_trigger()
    {
        var lost = new List<string>();
        _control.LinkLost += lost.Add;

        _network.Cut("cps", "osv");
        _loop.RunFor(TimeSpan.FromSeconds(60));

        Assert.NotEmpty(lost);
        Assert.False(_control.IsLinkUp);
        Assert.False(_engine.PbxLinkUp);

        _network.Restore("cps", "osv");
        Assert.True(_loop.RunUntil(() => _engine.PbxLinkUp, TimeSpan.FromMinutes(2)));
    }
}
