using Concierge.Config.Topology;
using Concierge.Cps.Engine;
using Concierge.Cps.Records;
using Concierge.Runtime.Time;

namespace Concierge.Cps.Tests.Records;

public sealed class CallRecordSinkTests
{
    private sealed class ListSink : ICallRecordSink
    {
        public List<(CallRecord Record, CallDisposition? DispositionWhenHanded)> Handed { get; } = new();
        public void CallEnded(CallRecord record) => Handed.Add((record, record.Disposition));
    }

    [Fact]
    public void An_ended_record_leaves_the_engine_for_its_sink_once_with_its_disposition_set()
    {
        var sink = new ListSink();
        var clock = new VirtualTimeProvider();
        var legs = new RecordingLegs();
        var engine = new CpsEngine(Topologies.Load("osv-example"), clock, legs, new RecordingPbx()) { RecordSink = sink };
        Assert.True(engine.SetNightVariant(CpsHarness.N("3201"), "Service Hotline - Busy").Succeeded);

        engine.OnIncomingLeg(new Legs.LegId(1), CpsHarness.N("3201"), "+493011100001", Calls.CallType.Standard);

        var (record, disposition) = Assert.Single(sink.Handed);
        Assert.Equal(CallDisposition.Busy, disposition);
        Assert.Equal("+493011100001", record.Caller);
        Assert.NotNull(record.EndedAt);
        Assert.Empty(engine.LiveCalls);
        Assert.Empty(engine.Records); // a foreign sink keeps what it was handed; the engine keeps nothing
    }

    [Fact]
    public void A_live_call_is_not_handed_over_and_shows_in_the_engine_records_until_it_ends()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Call("3201");

        var live = Assert.Single(cps.Engine.Records);
        Assert.Null(live.Disposition);
        Assert.Empty(((CallRecorder)cps.Engine.RecordSink).Ended);
    }

    [Fact]
    public void The_default_recorder_keeps_the_ended_records_in_arrival_order()
    {
        var cps = new CpsHarness();
        Assert.True(cps.Engine.SetNightVariant(CpsHarness.N("3201"), "Service Hotline - Busy").Succeeded);
        cps.Call("3201", caller: "+493011100001");
        cps.Call("3201", caller: "+493011100002");

        var recorder = Assert.IsType<CallRecorder>(cps.Engine.RecordSink);
        Assert.Equal(["+493011100001", "+493011100002"], recorder.Ended.Select(r => r.Caller));
        Assert.Equal(recorder.Ended, cps.Engine.Records);
    }

    [Fact]
    public void A_full_recorder_lets_the_oldest_record_go_and_counts_it()
    {
        var recorder = new CallRecorder(capacity: 2);
        var cps = new CpsHarness();
        var engine = new CpsEngine(cps.Config, cps.Clock, cps.Legs, cps.Pbx) { RecordSink = recorder };
        Assert.True(engine.SetNightVariant(CpsHarness.N("3201"), "Service Hotline - Busy").Succeeded);
        for (var i = 1; i <= 5; i++)
            engine.OnIncomingLeg(new Legs.LegId(i), CpsHarness.N("3201"), $"+49301110000{i}", Calls.CallType.Standard);

        Assert.Equal(["+493011100004", "+493011100005"], recorder.Ended.Select(r => r.Caller));
        Assert.Equal(5, recorder.EndedTotal);
        Assert.Equal(3, recorder.Dropped);
    }

    [Fact]
    public void A_recorder_needs_room_for_one_record()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CallRecorder(capacity: 0));
    }
}
