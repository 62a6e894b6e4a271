using System.Text;
using Concierge.Csta.Codec;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;
using Concierge.Csta.Session;

namespace Concierge.Csta.Tests.Session;

/// <summary>The session hands on the OSV V8 private data of a MonitorStartResponse, and drops a malformed one with a count.</summary>
public sealed class OsvV8PresentationTests
{
    private const string Ons = "+4950505807583";
    private const string Ond = "+4950505807683";

    private static CstaLinkFixture Fixture(List<StartedMonitor> started)
    {
        var f = new CstaLinkFixture();
        f.Dispatcher.Register<MonitorStart>((r, c) => c.Respond(new MonitorStartResponse(f.Server.Publisher.Start(c.Link, r.Device))
        {
            PrivateData = r.Device == Ons ? PrivateData.ForOnsOnd(Ons, Ond) : null,
        }));
        f.Session.MonitorStarted += started.Add;
        f.Field.Add(Ons);
        f.Field.Add("+4950505807580");
        f.Session.Start();
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(10)));
        return f;
    }

    [Fact]
    public void The_monitor_start_answer_tells_which_device_is_an_ons_and_its_ond()
    {
        var started = new List<StartedMonitor>();
        var f = Fixture(started);
        Assert.Equal(2, started.Count);
        Assert.Equal(new OnsOndPair(Ons, Ond), started.Single(s => s.Device == Ons).PrivateData?.OnsOnd);
        Assert.Null(started.Single(s => s.Device != Ons).PrivateData);
        Assert.Equal(new OnsOndPair(Ons, Ond), f.Field.StateOf(Ons)!.UnifyPhone);
        Assert.Null(f.Field.StateOf("+4950505807580")!.UnifyPhone);

        // After a reconnect the monitors start again and the switch tells again.
        f.Server.CloseAll("test");
        Assert.True(f.Loop.RunUntil(() => started.Count == 4, TimeSpan.FromSeconds(30)));
        Assert.Equal(new OnsOndPair(Ons, Ond), started.Last(s => s.Device == Ons).PrivateData?.OnsOnd);
    }

    [Fact]
    public void A_malformed_v8_element_on_an_event_is_dropped_and_counted_and_the_event_still_arrives()
    {
        var started = new List<StartedMonitor>();
        var f = Fixture(started);
        var events = new List<MonitoredEvent>();
        f.Session.EventReceived += events.Add;
        var crossRef = f.Session.MonitorOf(Ons)!.CrossRefId!;
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ConnectionClearedEvent xmlns=\"{CstaNamespace.Edition3}\">"
                  + $"<monitorCrossRefID>{crossRef}</monitorCrossRefID><droppedConnection><callID>9</callID><deviceID>{Ons}</deviceID></droppedConnection>"
                  + $"<releasingDevice><deviceIdentifier>{Ons}</deviceIdentifier></releasingDevice>"
                  + $"<privateData><private><osvV8><ons>{Ons}</ons><ond>ONS-{Ond}</ond></osvV8></private></privateData></ConnectionClearedEvent>";
        var frame = new System.Buffers.ArrayBufferWriter<byte>();
        Assert.Null(InvokeIdHeaderFraming.Instance.TryWriteFrame(CstaLinkCodec.EventInvokeId, Encoding.UTF8.GetBytes(xml), frame));
        f.Server.Links.Single().SendRaw(frame.WrittenSpan);
        f.Loop.RunFor(TimeSpan.FromMilliseconds(200));

        var e = Assert.Single(events);
        Assert.IsType<ConnectionClearedEvent>(e.Event);
        Assert.Null(e.Event.PrivateData?.OnsOnd);
        Assert.Equal(1, f.Session.Counters.PrivateDataRejected);
        Assert.Equal(0, f.Session.Counters.DecodeErrors);
        Assert.Equal(CstaLinkState.Ready, f.Session.State);
    }
}
