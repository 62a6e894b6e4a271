using Concierge.Csta.Devices;
using Concierge.Csta.Messages;
using Concierge.Csta.Session;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Csta.Tests.Session;

public sealed class ClientSessionTests
{
    private static readonly string[] Devices = ["3001", "3002", "3003"];

    private static CstaLinkFixture ReadyFixture(ulong seed = 1, LinkProfile? link = null, Func<CstaClientOptions, CstaClientOptions>? options = null)
    {
        var fixture = new CstaLinkFixture(seed, link, options);
        foreach (var device in Devices) fixture.Field.Add(device);
        fixture.Session.Start();
        Assert.True(fixture.RunUntilReady(TimeSpan.FromSeconds(10)), string.Join("\n", fixture.Trace.RecentLines()));
        return fixture;
    }

    [Fact]
    public void Connects_registers_and_starts_one_monitor_per_device()
    {
        var f = ReadyFixture();
        Assert.True(f.Server.Links.Single().Registered);
        f.AssertOneMonitorPerDevice();
        Assert.Equal(3, f.Session.Monitors.Select(m => m.CrossRefId).Distinct().Count());
        Assert.True(f.Loop.RunUntil(() => f.Field.All.All(d => d.Lamp == LampState.Idle), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Events_reach_the_device_of_their_cross_reference_id()
    {
        var f = ReadyFixture();
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        var changes = new List<DeviceStateChanged>();
        f.Field.Changed += changes.Add;
        f.Server.Publisher.Publish("3002", x => new DeliveredEvent(x, new ConnectionId("c1", "3002"), EventDevice.Of("3002"),
            EventDevice.Of("004930123"), EventDevice.Of("3002"), null, LocalConnectionState.Alerting, EventCause.NewCall));
        f.Loop.RunFor(TimeSpan.FromMilliseconds(50));
        Assert.Equal(LampState.Alerting, f.Field.StateOf("3002")!.Lamp);
        Assert.Equal(LampState.Idle, f.Field.StateOf("3001")!.Lamp);
        var change = Assert.Single(changes);
        Assert.Equal(LampState.Idle, change.Previous.Lamp);
        Assert.Equal(1, f.Session.Counters.EventsDelivered);
    }

    [Fact]
    public void Requests_are_correlated_by_invoke_id()
    {
        var f = ReadyFixture();
        f.Dispatcher.Register<MakeCall>((request, context) => context.Respond(new MakeCallResponse(new ConnectionId("c9", request.CallingDevice))));
        f.Dispatcher.Register<GetDoNotDisturb>((_, context) => f.Loop.ScheduleAfter(TimeSpan.FromMilliseconds(300), () => context.Respond(new GetDoNotDisturbResponse(true))));
        var outcomes = new List<CstaRequestOutcome>();
        f.Session.Send(new GetDoNotDisturb("3001"), outcomes.Add);
        f.Session.Send(new MakeCall("3001", "3002"), outcomes.Add);
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(new MakeCallResponse(new ConnectionId("c9", "3001")), outcomes[0].Response);
        Assert.Equal(new GetDoNotDisturbResponse(true), outcomes[1].Response);
    }

    [Fact]
    public void Unanswered_request_times_out_cleanly_and_its_late_answer_is_ignored()
    {
        var f = ReadyFixture();
        f.Dispatcher.Register<HoldCall>((_, context) => f.Loop.ScheduleAfter(TimeSpan.FromSeconds(8), () => context.Respond(new HoldCallResponse())));
        var outcomes = new List<CstaRequestOutcome>();
        f.Session.Send(new HoldCall(new ConnectionId("c1", "3001")), outcomes.Add, TimeSpan.FromSeconds(2));
        f.Loop.RunFor(TimeSpan.FromSeconds(10));
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CstaOutcomeKind.Timeout, outcome.Kind);
        Assert.Equal(0, f.Session.PendingRequests);
        Assert.Equal(1, f.Session.Counters.LateAnswers);
        Assert.Equal(CstaLinkState.Ready, f.Session.State);
    }

    [Fact]
    public void Error_response_is_reported_as_error()
    {
        var f = ReadyFixture();
        var outcomes = new List<CstaRequestOutcome>();
        f.Session.Send(new ParkLikeUnknownService(), outcomes.Add);
        f.Session.Send(new DeflectCall(new ConnectionId("c1", "3001"), "3099"), outcomes.Add);
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(CstaOutcomeKind.NotSent, outcomes[0].Kind);
        Assert.Equal(CstaOutcomeKind.Error, outcomes[1].Kind);
        Assert.Equal(CstaErrorResponse.ServiceNotSupported, outcomes[1].Error);
    }

    [Fact]
    public void Requests_while_the_link_is_down_are_not_sent()
    {
        var f = new CstaLinkFixture();
        var outcomes = new List<CstaRequestOutcome>();
        Assert.Null(f.Session.Send(new GetForwarding("3001"), outcomes.Add));
        f.Loop.RunFor(TimeSpan.FromMilliseconds(1));
        Assert.Equal(CstaOutcomeKind.NotSent, Assert.Single(outcomes).Kind);
    }

    [Fact]
    public void Missing_heartbeat_answers_close_the_link_and_it_comes_back_with_its_monitors()
    {
        var f = ReadyFixture(options: o => o with { HeartbeatInterval = TimeSpan.FromSeconds(5), RequestTimeout = TimeSpan.FromSeconds(2) });
        var silent = true;
        f.Dispatcher.Register<SystemStatusRequest>((_, context) => { if (!silent) context.Respond(new SystemStatusResponse()); });
        Assert.True(f.Loop.RunUntil(() => f.Session.State != CstaLinkState.Ready, TimeSpan.FromSeconds(30)));
        Assert.Contains("heartbeats unanswered", f.Session.LastDownReason);
        Assert.Equal(2, f.Session.Counters.HeartbeatsMissed);
        Assert.All(f.Field.All, d => Assert.Equal(LampState.Unknown, d.Lamp));

        silent = false;
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(30)), string.Join("\n", f.Trace.RecentLines()));
        f.Loop.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal(CstaLinkState.Ready, f.Session.State);
        Assert.Equal(2, f.Session.Counters.LinksReady);
        f.AssertOneMonitorPerDevice();
        Assert.All(f.Field.All, d => Assert.Equal(LampState.Idle, d.Lamp));
    }

    [Fact]
    public void Switch_heartbeats_are_answered()
    {
        var f = ReadyFixture();
        var link = f.Server.Links.Single();
        link.SendRequest(new SystemStatusRequest(SystemStatus.Normal));
        link.SendRequest(new RequestSystemStatus());
        f.Loop.RunFor(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, link.AnswersReceived);
        Assert.Equal(2, f.Session.Counters.SwitchRequestsAnswered);
    }

    [Fact]
    public void Switch_closing_the_link_makes_the_session_reconnect()
    {
        var f = ReadyFixture();
        var connection = f.Server.Links.Single();
        f.Dispatcher.Register<GetAgentState>((_, context) => context.Link.Close("switch hung up"));
        f.Session.Send(new GetAgentState("3001"), _ => { });
        Assert.True(f.Loop.RunUntil(() => f.Session.State != CstaLinkState.Ready, TimeSpan.FromSeconds(5)));
        Assert.Contains("closed", f.Session.LastDownReason);
        Assert.False(connection.IsOpen);
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(30)));
        f.AssertOneMonitorPerDevice();
    }

    [Fact]
    public void Garbage_from_the_switch_closes_the_link_with_a_logged_reason_and_it_reconnects()
    {
        var f = ReadyFixture();
        f.Server.Links.Single().SendRaw("HTTP/1.1 400 Bad Request\r\n\r\n"u8);
        Assert.True(f.Loop.RunUntil(() => f.Session.State != CstaLinkState.Ready, TimeSpan.FromSeconds(5)));
        Assert.StartsWith("framing:", f.Session.LastDownReason);
        Assert.Contains(f.Trace.RecentLines(), line => line.Contains("link down: framing:"));
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(30)));
        f.AssertOneMonitorPerDevice();
    }

    [Fact]
    public void Oversized_frame_from_the_switch_closes_the_link_with_the_reason()
    {
        var f = ReadyFixture(options: o => o with { Framing = new Concierge.Csta.Framing.InvokeIdHeaderFraming(maxFrameBytes: 4096) });
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        f.Server.Publisher.Publish("3001", x => new DivertedEvent(x, new ConnectionId("c1", "3001"), EventDevice.Of("3001"),
            EventDevice.Of(new string('9', 5000)), null, null, null, null, null));
        Assert.True(f.Loop.RunUntil(() => f.Session.State != CstaLinkState.Ready, TimeSpan.FromSeconds(5)));
        Assert.Contains("exceeds the limit of 4096", f.Session.LastDownReason);
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Undecodable_answer_ends_its_request_and_the_link_stays_up()
    {
        var f = ReadyFixture();
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        f.Dispatcher.Register<GetForwarding>((_, context) =>
        {
            var xml = "<GetForwardingResponse xmlns=\"http://www.ecma-international.org/standards/ecma-323/csta/ed3\"><forwardingList><forwardListItem><forwardingType>sideways</forwardingType></forwardListItem></forwardingList></GetForwardingResponse>"u8;
            var frame = new System.Buffers.ArrayBufferWriter<byte>();
            Concierge.Csta.Framing.InvokeIdHeaderFraming.Instance.TryWriteFrame(context.InvokeId, xml, frame);
            context.Link.SendRaw(frame.WrittenSpan);
        });
        var outcomes = new List<CstaRequestOutcome>();
        f.Session.Send(new GetForwarding("3001"), outcomes.Add);
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CstaOutcomeKind.Error, outcome.Kind);
        Assert.Contains("sideways", outcome.Reason);
        Assert.Equal(CstaLinkState.Ready, f.Session.State);
        Assert.Equal(1, f.Session.Counters.DecodeErrors);
    }

    [Fact]
    public void Invalid_device_monitor_fails_with_the_reason_and_is_retried()
    {
        var f = new CstaLinkFixture(deviceExists: d => d != "9999", options: o => o with { MonitorRetryDelay = TimeSpan.FromSeconds(3) });
        f.Field.Add("3001");
        f.Field.Add("9999");
        f.Session.Start();
        f.Loop.RunFor(TimeSpan.FromSeconds(10));
        var bad = f.Session.MonitorOf("9999")!;
        Assert.Equal(MonitorStatus.Wanted, bad.Status);
        Assert.Contains("invalidDeviceID", bad.LastFailure);
        Assert.True(bad.Starts >= 3, $"starts {bad.Starts}");
        Assert.Equal(MonitorStatus.Active, f.Session.MonitorOf("3001")!.Status);
        Assert.Equal(1, f.Server.Publisher.Count);
    }

    [Fact]
    public void Unmonitor_stops_the_monitor_on_the_switch()
    {
        var f = ReadyFixture();
        f.Field.Remove("3002");
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(0, f.Server.Publisher.CountFor("3002"));
        Assert.Equal(2, f.Server.Publisher.Count);
        Assert.Equal(0, f.Server.Publisher.Publish("3002", x => new DoNotDisturbEvent(x, "3002", true)));
    }

    [Fact]
    public void Stop_closes_the_link_and_fails_pending_requests_as_link_lost()
    {
        var f = ReadyFixture();
        f.Dispatcher.Register<SnapshotDevice>((_, _) => { });
        var outcomes = new List<CstaRequestOutcome>();
        f.Session.Send(new SnapshotDevice("3001"), outcomes.Add);
        f.Loop.RunFor(TimeSpan.FromMilliseconds(100));
        f.Session.Stop();
        Assert.Equal(CstaOutcomeKind.LinkLost, Assert.Single(outcomes).Kind);
        f.Loop.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal(CstaLinkState.Stopped, f.Session.State);
        Assert.Equal(0, f.Server.Publisher.Count);
        Assert.Equal(1, f.Session.Counters.ConnectAttempts);
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_with_their_name()
    {
        var options = new CstaClientOptions(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1040)) { MissedHeartbeatLimit = 0 };
        Assert.Contains("MissedHeartbeatLimit", options.Problem());
        Assert.Null((options with { MissedHeartbeatLimit = 2 }).Problem());
    }

    private sealed record ParkLikeUnknownService : CstaRequest;
}
