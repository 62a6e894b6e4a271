using System.Buffers;
using System.Text;
using Concierge.Csta.Codec;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;
using Concierge.Csta.Numbers;
using Concierge.Csta.Session;
using Concierge.Csta.Tests.Numbers;

namespace Concierge.Csta.Tests.Session;

public sealed class OsvDialectSessionTests
{
    private static readonly CstaDialect OsvServer = new()
    {
        WrittenNamespace = CstaNamespace.Edition4,
        WriteDevice = d => d.StartsWith('+') ? $"N<{d[1..]}>;noa=international" : $"N<{d}>;noa=nk",
        ReadDevice = DeviceNumberNormaliser.InternationalOnly.Normalise,
        WriteOsvExtras = true,
    };

    private static CstaLinkFixture Ready(Func<CstaClientOptions, CstaClientOptions>? options = null, params string[] devices)
    {
        var f = new CstaLinkFixture(options: o => (options?.Invoke(o) ?? o) with
        {
            WrittenNamespace = CstaNamespace.Edition4,
            NumberPlan = NumberPlan.Create(DeviceNumberNormaliserTests.GuideRouting),
        }, serverDialect: OsvServer);
        foreach (var device in devices.Length == 0 ? ["+4950505807580"] : devices) f.Field.Add(device);
        f.Session.Start();
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(10)), string.Join("\n", f.Trace.RecentLines()));
        return f;
    }

    /// <summary>Sends a document as it is, in one frame with the event invoke id.</summary>
    private static void SendRawDocument(CstaLinkFixture f, string xml, int invokeId = CstaLinkCodec.EventInvokeId)
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.Null(InvokeIdHeaderFraming.Instance.TryWriteFrame(invokeId, Encoding.UTF8.GetBytes(xml), output));
        f.Server.Links.Single().SendRaw(output.WrittenSpan);
        f.Loop.RunFor(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Events_in_osv_spelling_reach_the_client_as_e164()
    {
        var f = Ready();
        var events = new List<MonitoredEvent>();
        f.Session.EventReceived += events.Add;
        f.Server.Publisher.Publish("+4950505807580", x => new DeliveredEvent(x, new ConnectionId("c1", "+4950505807580"), EventDevice.Of("+4950505807580"),
            EventDevice.Of("+493011100001"), EventDevice.Of("+4950505803201"), null, LocalConnectionState.Alerting, EventCause.NewCall));
        f.Loop.RunFor(TimeSpan.FromMilliseconds(50));
        var delivered = Assert.IsType<DeliveredEvent>(Assert.Single(events).Event);
        Assert.Equal("+4950505807580", delivered.Connection.DeviceId);
        Assert.Equal("+493011100001", delivered.CallingDevice.Id);
        Assert.Equal(0, f.Session.Counters.DecodeErrors);
        Assert.True(f.Session.Numbers.Normalised > 0);
    }

    [Fact]
    public void Unknown_events_are_counted_and_bare_heartbeats_answered()
    {
        var f = Ready();
        var ns = CstaNamespace.Edition4;
        SendRawDocument(f, $"<CallInformationEvent xmlns=\"{ns}\"><monitorCrossRefID>1</monitorCrossRefID></CallInformationEvent>");
        var answersBefore = f.Server.Links.Single().AnswersReceived;
        SendRawDocument(f, $"<SystemStatus xmlns=\"{ns}\"/>", invokeId: 17);
        Assert.Equal(1, f.Session.Counters.UnknownEventsIgnored);
        Assert.Equal(0, f.Session.Counters.DecodeErrors);
        Assert.Equal(1, f.Session.Counters.BareHeartbeatsAnswered);
        Assert.Equal(answersBefore + 1, f.Server.Links.Single().AnswersReceived);
        Assert.Equal(CstaLinkState.Ready, f.Session.State);
    }

    [Fact]
    public void An_edition_2_document_is_counted_as_refused_on_a_strict_link_and_used_on_a_lenient_one()
    {
        const string ed2Heartbeat = "<SystemStatus xmlns=\"http://www.ecma.ch/standards/ecma-323/csta/ed2\"><systemStatus>normal</systemStatus></SystemStatus>";
        var strict = Ready();
        var before = strict.Session.Counters.SwitchRequestsAnswered;
        SendRawDocument(strict, ed2Heartbeat, invokeId: 5);
        Assert.Equal(1, strict.Session.Counters.NamespaceRejected);
        Assert.Equal(before, strict.Session.Counters.SwitchRequestsAnswered);
        Assert.Contains(strict.Trace.RecentLines(), line => line.Contains("read only on a link configured lenient", StringComparison.Ordinal));

        var lenient = Ready(o => o with { Lenient = true });
        before = lenient.Session.Counters.SwitchRequestsAnswered;
        SendRawDocument(lenient, ed2Heartbeat, invokeId: 5);
        Assert.Equal(0, lenient.Session.Counters.NamespaceRejected);
        Assert.Equal(before + 1, lenient.Session.Counters.SwitchRequestsAnswered);
    }

    [Fact]
    public void The_application_session_is_opened_kept_alive_and_stopped()
    {
        var f = Ready(o => o with { ApplicationSession = new CstaApplicationSessionOptions { RequestedDuration = TimeSpan.FromSeconds(60) } });
        var link = f.Server.Links.Single();
        Assert.NotNull(f.Session.ApplicationSessionId);
        Assert.Equal(link.ApplicationSessionId, f.Session.ApplicationSessionId);
        Assert.Equal(TimeSpan.FromSeconds(60), f.Session.ApplicationSessionDuration);
        Assert.Equal(CstaNamespace.Edition4, f.Session.ApplicationSessionProtocol);
        Assert.True(link.Registered);

        // Far longer than the session duration: the keep-alives hold it (and the link) open.
        f.Loop.RunFor(TimeSpan.FromSeconds(200));
        Assert.Same(link, f.Server.Links.Single());
        Assert.True(f.Session.Counters.ApplicationSessionKeepAlives >= 6);
        Assert.Equal(f.Session.Counters.ApplicationSessionKeepAlives, link.ApplicationSessionKeepAlives);
        Assert.Equal(1, f.Session.Counters.ApplicationSessionsStarted);

        f.Session.Stop();
        f.Loop.RunFor(TimeSpan.FromMilliseconds(50));
        Assert.Null(link.ApplicationSessionId);
        Assert.Contains(f.Trace.RecentLines(), line => line.Contains("application session session-1 stopped (normal)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_session_the_switch_refuses_takes_the_link_down_with_the_reason()
    {
        var f = new CstaLinkFixture(options: o => o with { ApplicationSession = new CstaApplicationSessionOptions() }, serverDialect: OsvServer);
        f.Session.Start();
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.NotEqual(CstaLinkState.Ready, f.Session.State);
        Assert.Contains("requestedProtocolVersionNotSupported", f.Session.LastDownReason);
    }

    [Fact]
    public void A_session_left_without_keep_alive_expires_at_the_switch()
    {
        var f = Ready(o => o with { ApplicationSession = new CstaApplicationSessionOptions { RequestedDuration = TimeSpan.FromSeconds(30) } });
        f.Network.SetLink("concierge", "pabx", Concierge.Runtime.Transports.Simulated.LinkProfile.Lan with { LossPercent = 100 });
        f.Loop.RunFor(TimeSpan.FromSeconds(31));
        Assert.Contains(f.Trace.RecentLines(), line => line.Contains("expired after 30 s without keep-alive", StringComparison.Ordinal));
    }
}
