using System.Net;
using Concierge.Config.Numbers;
using Concierge.Cps.Csta;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Csta.Messages;
using Concierge.Csta.Server;
using Concierge.Csta.Session;
using Concierge.Runtime.Collections;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Cps.Tests.Csta;

/// <summary>
/// A request the switch refuses for the call's momentary state is built again for the retry: when the switch joined
/// the attendant's call into another one meanwhile (a Transferred event with the new connection), the retry uses the
/// new connection instead of repeating the stale one. A request for a connection the switch has not reported yet waits
/// for it, bounded.
/// </summary>
public sealed class StateRetryTests
{
    private const string Attendant = "+4950505807580";
    private static readonly ConnectionId Before = new("C2", Attendant);
    private static readonly ConnectionId After = new("C1", Attendant);

    private readonly SimulatedEventLoop _loop = new();
    private readonly CstaServerListener _server;
    private readonly CstaClientSession _session;
    private readonly CstaPbxControl _control;
    private readonly CpsEngine _engine;
    private readonly RecordingLegs _legs = new();
    private readonly List<CstaRequest> _received = new();

    public StateRetryTests()
    {
        var random = new DeterministicRandom(9);
        var network = new SimulatedNetwork(_loop, random.Split("net"));
        var cps = network.AddHost("cps", IPAddress.Parse("192.0.2.20"));
        var osv = network.AddHost("osv", IPAddress.Parse("192.0.2.10"));
        var dispatcher = new CstaRequestDispatcher()
            .Register<SingleStepTransferCall>((r, c) =>
            {
                _received.Add(r);
                c.Respond(r.ActiveCall != Before ? new SingleStepTransferCallResponse(r.ActiveCall) : CstaErrorResponse.InvalidObjectState);
            })
            .Register<ClearConnection>((r, c) =>
            {
                _received.Add(r);
                c.Respond(r.ConnectionToBeCleared != Before ? new ClearConnectionResponse() : CstaErrorResponse.InvalidObjectState);
            })
            .Register<SetForwarding>((_, c) => c.Respond(new SetForwardingResponse()));
        _server = new CstaServerListener(osv, 1040, dispatcher);
        _session = new CstaClientSession(_loop, cps, new CstaClientOptions(new IPEndPoint(osv.Address, 1040)), random.Split("csta"));
        _control = new CstaPbxControl(_session, _loop.Time);
        _engine = new CpsEngine(Topologies.Load("osv-example"), _loop.Time, _legs, _control);
        _control.Attach(_engine);
        _session.Start();
        Assert.True(_loop.RunUntil(() => _session.Monitors.All(m => m.Status == MonitorStatus.Active), TimeSpan.FromSeconds(10)));
        ConnectCall();
    }

    /// <summary>A call is connected to the attendant; the switch reports the attendant's connection as <see cref="Before"/>.</summary>
    private void ConnectCall()
    {
        var device = E164Number.Parse(Attendant);
        _engine.LogOn(device);
        _engine.OnIncomingLeg(new LegId(1), E164Number.Parse("+4950505803201"), "+493011100001");
        var attendantLeg = _legs.LastDialTo(device);
        _engine.OnLegAnswered(attendantLeg);
        _engine.OnLegsJoined(new LegId(1), attendantLeg);
        _server.Publisher.Publish(Attendant, x => new EstablishedEvent(x, Before, EventDevice.Of(Attendant), EventDevice.Of("+493011100001"),
            EventDevice.Of(Attendant), null, LocalConnectionState.Connected, EventCause.NewCall));
        _loop.RunFor(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The switch joins the attendant's call into another one and reports the new connection.</summary>
    private void SwitchJoinsTheCall() =>
        _server.Publisher.Publish(Attendant, x => new TransferredEvent(x, Before, null, EventDevice.Of(Attendant), EventDevice.Of(Attendant),
            ValueList.Of(new ConnectionListItem(After, Before, EventDevice.Of(Attendant))), LocalConnectionState.Connected, EventCause.Transfer));

    [Fact]
    public void A_refused_transfer_is_retried_on_the_connection_the_switch_reported_meanwhile()
    {
        _control.TransferActiveCall(E164Number.Parse(Attendant), E164Number.Parse("+4950505803301"));
        SwitchJoinsTheCall();
        _loop.RunFor(TimeSpan.FromSeconds(2));

        var tries = _received.OfType<SingleStepTransferCall>().ToList();
        Assert.Equal([Before, After], tries.Select(t => t.ActiveCall));
        Assert.Equal(0, _control.FailedRequests);
    }

    [Fact]
    public void A_refused_clear_is_retried_on_the_connection_the_switch_reported_meanwhile()
    {
        _control.ClearActiveCall(E164Number.Parse(Attendant));
        SwitchJoinsTheCall();
        _loop.RunFor(TimeSpan.FromSeconds(2));

        Assert.Equal([Before, After], _received.OfType<ClearConnection>().Select(c => c.ConnectionToBeCleared));
        Assert.Equal(0, _control.FailedRequests);
    }

    [Fact]
    public void A_stale_connection_the_switch_keeps_refusing_fails_after_the_bounded_retries()
    {
        _control.TransferActiveCall(E164Number.Parse(Attendant), E164Number.Parse("+4950505803301"));
        _loop.RunFor(TimeSpan.FromSeconds(5));

        Assert.Equal(1 + CstaPbxControl.StateRetries, _received.OfType<SingleStepTransferCall>().Count());
        Assert.Equal(1, _control.FailedRequests);
    }

    [Fact]
    public void A_transfer_waits_for_the_switch_to_report_the_connection_and_then_uses_it()
    {
        var late = E164Number.Parse("+4950505807581");
        _control.TransferActiveCall(late, E164Number.Parse("+4950505803301"));
        _loop.RunFor(TimeSpan.FromMilliseconds(600));
        Assert.Empty(_received.OfType<SingleStepTransferCall>());

        var connection = new ConnectionId("C1", late.ToString());
        _server.Publisher.Publish(late.ToString(), x => new EstablishedEvent(x, connection, EventDevice.Of(late.ToString()),
            EventDevice.Of("+493011100001"), EventDevice.Of(late.ToString()), null, LocalConnectionState.Connected, EventCause.NewCall));
        _loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(new ConnectionId("C1", late.ToString()), Assert.Single(_received.OfType<SingleStepTransferCall>()).ActiveCall);
    }

    [Fact]
    public void A_clear_for_a_connection_never_reported_fails_after_the_wait_limit()
    {
        _control.ClearActiveCall(E164Number.Parse("+4950505807582"));
        _loop.RunFor(CstaPbxControl.ConnectionWaitLimit + TimeSpan.FromSeconds(1));

        Assert.Empty(_received.OfType<ClearConnection>());
        Assert.Equal(1, _control.FailedRequests);
    }
}
