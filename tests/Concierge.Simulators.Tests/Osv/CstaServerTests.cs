using Concierge.Csta.Messages;
using Concierge.Csta.Session;
using Concierge.Media;
using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class CstaServerTests
{
    private const string Caller = "+493011100001";

    private static CstaRequestOutcome? Send(OsvWorld world, CstaClientSession session, CstaRequest request)
    {
        CstaRequestOutcome? outcome = null;
        session.Send(request, o => outcome = o);
        world.Loop.RunUntil(() => outcome is not null, TimeSpan.FromSeconds(5));
        return outcome;
    }

    [Fact]
    public void A_monitor_sees_delivered_established_and_cleared_for_a_hunt_group_call()
    {
        var world = new OsvWorld(seed: 21);
        var session = world.ConnectCsta();
        Assert.Equal(CstaLinkState.Ready, session.State);
        var events = new List<MonitoredEvent>();
        session.EventReceived += e => events.Add(e);
        session.Monitor("+4950505807580");
        session.Monitor("+4950505805520");
        world.Run(TimeSpan.FromSeconds(2));

        var call = world.Callers.Dial("c1", Caller, "+4950505803201");
        world.Run(TimeSpan.FromSeconds(1));
        world.Phone("7580").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        call.Hangup();
        world.Run(TimeSpan.FromSeconds(1));

        var member = events.Where(e => e.Device == "+4950505807580").Select(e => e.Event).ToList();
        Assert.Collection(member,
            e => Assert.Equal("+4950505807580", Assert.IsType<DeliveredEvent>(e).AlertingDevice.Id),
            e => Assert.Equal("+4950505807580", Assert.IsType<EstablishedEvent>(e).AnsweringDevice.Id),
            e =>
            {
                var cleared = Assert.IsType<ConnectionClearedEvent>(e);
                Assert.Equal(Caller, cleared.ReleasingDevice.Id);
                Assert.Equal(LocalConnectionState.Connected, cleared.LocalConnectionInfo);
            },
            e =>
            {
                var cleared = Assert.IsType<ConnectionClearedEvent>(e);
                Assert.Equal("+4950505807580", cleared.ReleasingDevice.Id);
                Assert.Equal(LocalConnectionState.Null, cleared.LocalConnectionInfo);
            });
        var delivered = (DeliveredEvent)member[0];
        Assert.Equal(Caller, delivered.CallingDevice.Id);
        Assert.Equal(LocalConnectionState.Alerting, delivered.LocalConnectionInfo);
        Assert.Contains(events, e => e.Device == "+4950505805520" && e.Event is DeliveredEvent);
        Assert.Equal(PartyCallState.Ended, world.Phone("7580").Calls.Single().State);
    }

    [Fact]
    public void SetForwarding_via_CSTA_changes_where_a_call_goes()
    {
        var world = new OsvWorld(seed: 22);
        var session = world.ConnectCsta();
        var events = new List<MonitoredEvent>();
        session.EventReceived += e => events.Add(e);
        session.Monitor("+4950505807001");
        world.Run(TimeSpan.FromSeconds(1));

        var set = Send(world, session, new SetForwarding("+4950505807001", ForwardingType.Immediate, true, "+4950505807002"));
        Assert.True(set!.IsSuccess);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Contains(events, e => e.Event is ForwardingEvent { ForwardStatus: true, ForwardTo: "+4950505807002" });
        var get = Send(world, session, new GetForwarding("+4950505807001"));
        Assert.Contains(((GetForwardingResponse)get!.Response!).ForwardingList, f => f is { ForwardingType: ForwardingType.Immediate, ForwardStatus: true });

        world.Callers.Dial("c1", Caller, "+4950505807001");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(0, world.Phone("7001").IncomingCallCount);
        Assert.True(world.Phone("7002").IsRinging);
        Assert.Contains(events, e => e.Event is DivertedEvent { NewDestination.Id: "+4950505807002" });

        Send(world, session, new SetForwarding("+4950505807001", ForwardingType.Immediate, false, null));
        world.Callers.Dial("c2", "+493011100002", "+4950505807001");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7001").IsRinging);
    }

    [Fact]
    public void Forwarding_on_busy_and_no_reply_is_executed_by_the_switch()
    {
        var world = new OsvWorld(seed: 23);
        var session = world.ConnectCsta();
        Send(world, session, new SetForwarding("+4950505807003", ForwardingType.Busy, true, "+4950505807004"));
        Send(world, session, new SetForwarding("+4950505807005", ForwardingType.NoAnswer, true, "+4950505807006"));
        world.Phone("7003").Settings = world.Phone("7003").Settings with { RejectWith = 486 };

        world.Callers.Dial("c1", Caller, "+4950505807003");
        world.Callers.Dial("c2", "+493011100002", "+4950505807005");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7004").IsRinging);
        Assert.True(world.Phone("7005").IsRinging);
        world.Run(world.Osv.Switch.NoReplyForwardingDelay);
        Assert.False(world.Phone("7005").IsRinging);
        Assert.True(world.Phone("7006").IsRinging);
    }

    [Fact]
    public void SingleStepTransfer_of_an_attendant_call_to_a_request_number_hands_the_caller_to_CPS()
    {
        var world = new OsvWorld(seed: 24);
        world.RegisterCps();
        var session = world.ConnectCsta();
        var events = new List<MonitoredEvent>();
        session.EventReceived += e => events.Add(e);
        session.Monitor("+4950505807580");
        world.Run(TimeSpan.FromSeconds(1));

        var call = world.Callers.Dial("c1", Caller, "+4950505807580");
        world.Run(TimeSpan.FromSeconds(1));
        world.Phone("7580").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(MediaContent.VoiceOf("+4950505807580"), call.Hears);
        var cstaCall = world.Osv.Switch.Calls.Single().CstaCallId;

        var sst = Send(world, session, new SingleStepTransferCall(new ConnectionId(cstaCall, "+4950505807580"), "+4950505803301"));
        Assert.True(sst!.IsSuccess);
        world.Run(TimeSpan.FromSeconds(2));

        var invite = Assert.Single(world.Cps.Incoming);
        Assert.Equal("+4950505803301", invite.Invite.RequestUri.User);
        Assert.Equal(Caller, invite.RemoteParty!.Uri.User);
        Assert.Equal(call.Rtp, Concierge.Simulators.Phones.Sip.AudioSdp.RtpEndPoint(invite.RemoteSdp));
        Assert.Equal(PartyCallState.Connected, call.State);
        Assert.Equal(MediaContent.VoiceOf(StandInCps.Voice), call.Hears);
        Assert.False(world.Phone("7580").IsConnected);
        Assert.Contains(events, e => e.Event is ConnectionClearedEvent { ReleasingDevice.Id: "+4950505807580" });
    }

    [Fact]
    public void MakeCall_rings_the_attendant_device_first_and_it_auto_answers()
    {
        var world = new OsvWorld(seed: 25);
        var session = world.ConnectCsta();
        var made = Send(world, session, new MakeCall("+4950505807580", "+4950505807001"));
        Assert.True(made!.IsSuccess);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7580").IsConnected);
        Assert.True(world.Phone("7001").IsRinging);
        world.Phone("7001").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(MediaContent.VoiceOf("+4950505807001"), world.Phone("7580").Hears);
        Assert.Equal(MediaContent.VoiceOf("+4950505807580"), world.Phone("7001").Hears);

        var connection = ((MakeCallResponse)made.Response!).CallingDevice;
        Assert.True(Send(world, session, new ClearConnection(connection))!.IsSuccess);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.False(world.Phone("7001").IsConnected);
        Assert.False(world.Phone("7580").IsConnected);
    }

    [Fact]
    public void Agent_not_ready_takes_a_member_out_of_hunting()
    {
        var world = new OsvWorld(seed: 26);
        var session = world.ConnectCsta();
        Assert.True(Send(world, session, new SetAgentState("+4950505807580", RequestedAgentState.NotReady, null, null, null))!.IsSuccess);
        world.Callers.Dial("c1", Caller, "+4950505803201");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.False(world.Phone("7580").IsRinging);
        Assert.True(world.Phone("7581").IsRinging);
    }

    [Fact]
    public void Monitoring_an_unknown_device_is_refused()
    {
        var world = new OsvWorld(seed: 27);
        var session = world.ConnectCsta();
        var outcome = Send(world, session, new MonitorStart("+4999999999"));
        Assert.False(outcome!.IsSuccess);
    }

    [Fact]
    public void SnapshotDevice_lists_the_devices_calls_and_states()
    {
        var world = new OsvWorld(seed: 28);
        var session = world.ConnectCsta();
        world.Callers.Dial("c1", Caller, "+4950505807001");
        world.Callers.Dial("c2", "+493011100002", "+4950505807001");
        world.Run(TimeSpan.FromSeconds(1));
        world.Phone("7001").Answer();
        world.Run(TimeSpan.FromSeconds(1));

        var snapshot = (SnapshotDeviceResponse)Send(world, session, new SnapshotDevice("+4950505807001"))!.Response!;
        Assert.Equal([LocalConnectionState.Connected, LocalConnectionState.Alerting], snapshot.Calls.Select(c => c.State));
        Assert.All(snapshot.Calls, c => Assert.Equal("+4950505807001", c.Connection.DeviceId));
        Assert.Empty(((SnapshotDeviceResponse)Send(world, session, new SnapshotDevice("+4950505807002"))!.Response!).Calls);
    }

    [Fact]
    public void Do_not_disturb_makes_the_device_busy_and_is_reported()
    {
        var world = new OsvWorld(seed: 29);
        var session = world.ConnectCsta();
        Assert.True(Send(world, session, new SetDoNotDisturb("+4950505807002", true))!.IsSuccess);
        Assert.True(((GetDoNotDisturbResponse)Send(world, session, new GetDoNotDisturb("+4950505807002"))!.Response!).DoNotDisturbOn);
        var call = world.Callers.Dial("c1", Caller, "+4950505807002");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(PartyCallState.Busy, call.State);
        Assert.Equal(0, world.Phone("7002").IncomingCallCount);
        Assert.Contains(("+4950505807002", "DoNotDisturb"), world.Osv.Csta.Events.Log);
    }
}
