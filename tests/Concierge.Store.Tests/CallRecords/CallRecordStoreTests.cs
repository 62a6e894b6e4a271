using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;
using Concierge.Runtime.Time;
using Concierge.Store.CallRecords;

namespace Concierge.Store.Tests.CallRecords;

public sealed class CallRecordStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static StoredCallRecord Record(long callId, string tenant, DateTimeOffset ended, string disposition = "answered") =>
        new(0, "osc1", callId, tenant, "+493011100001", "+4950505803201", ended.AddSeconds(-30), ended.AddSeconds(-10), "+4950505807580",
            ended, disposition, ["09:00:00.000 arrived", "09:00:30.000 ended " + disposition]);

    [Theory]
    [MemberData(nameof(TestStore.Dialects), MemberType = typeof(TestStore))]
    public void A_written_record_reads_back_whole_after_a_reopen(string dialect)
    {
        using var test = new TestStore(dialect);
        test.Open().AddCallRecord(Record(7, "DEFAULT", T0));

        var stored = Assert.Single(test.Open().CallRecords());
        var written = Record(7, "DEFAULT", T0);
        Assert.Equal(written with { Id = stored.Id }, stored with { History = written.History });
        Assert.Equal(written.History, stored.History);
        Assert.True(stored.Id > 0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Dialects), MemberType = typeof(TestStore))]
    public void Reads_filter_by_end_time_and_tenant_and_keep_the_newest_within_the_limit_oldest_first(string dialect)
    {
        using var test = new TestStore(dialect);
        var store = test.Open();
        for (var i = 0; i < 6; i++) store.AddCallRecord(Record(i, i % 2 == 0 ? "DEFAULT" : "Hotel", T0.AddMinutes(i)));

        Assert.Equal([3L, 4, 5], store.CallRecords(endedSince: T0.AddMinutes(3)).Select(r => r.CallId));
        Assert.Equal([1L, 3, 5], store.CallRecords(tenant: "Hotel").Select(r => r.CallId));
        Assert.Equal([4L, 5], store.CallRecords(limit: 2).Select(r => r.CallId));
        Assert.Equal(6, store.CallRecordCount());
    }

    [Theory]
    [MemberData(nameof(TestStore.Dialects), MemberType = typeof(TestStore))]
    public void The_sink_writes_each_ended_call_of_an_engine_with_its_tenant(string dialect)
    {
        using var test = new TestStore(dialect);
        var store = test.Open();
        var config = Topologies.Load("osv-example");
        var failures = new List<Exception>();
        var sink = new StoreCallRecordSink(store, "osc1", config, (_, ex) => failures.Add(ex));
        var clock = new VirtualTimeProvider();
        var engine = new CpsEngine(config, clock, new NoLegs(), new NoPbx()) { RecordSink = sink };
        var pilot = E164Number.Parse("+4950505803201");
        Assert.True(engine.SetNightVariant(pilot, "Service Hotline - Busy").Succeeded);

        engine.OnIncomingLeg(new LegId(1), pilot, "+493011100009", CallType.Standard);

        Assert.Empty(failures);
        Assert.Equal(1, sink.Written);
        var stored = Assert.Single(store.CallRecords());
        Assert.Equal(("osc1", 1L, config.FindDdiEntry(pilot)!.Tenant, "+493011100009", "busy"),
            (stored.Server, stored.CallId, stored.Tenant, stored.Caller, stored.Disposition));
        Assert.Empty(engine.Records);
    }

    [Fact]
    public void A_failed_write_is_counted_and_reported_not_thrown_into_the_engine()
    {
        using var test = new TestStore("sqlite");
        var store = test.Open();
        var config = Topologies.Load("osv-example");
        var failures = new List<Exception>();
        var sink = new StoreCallRecordSink(store, "osc1", config, (_, ex) => failures.Add(ex));
        var engine = new CpsEngine(config, new VirtualTimeProvider(), new NoLegs(), new NoPbx()) { RecordSink = sink };
        var pilot = E164Number.Parse("+4950505803201");
        engine.SetNightVariant(pilot, "Service Hotline - Busy");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(store.Location.ConnectionString))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE call_records";
            drop.ExecuteNonQuery();
        }

        engine.OnIncomingLeg(new LegId(1), pilot, "+493011100009", CallType.Standard);

        Assert.Equal((0L, 1L), (sink.Written, sink.Failed));
        Assert.Single(failures);
    }

    [Fact]
    public void A_personal_line_call_belongs_to_the_attendants_tenant()
    {
        var config = Topologies.Load("osv-example");
        var owner = config.Attendants[0];
        var record = new CallRecorder();
        Assert.Equal(config.TenantOf(owner), StoreCallRecordSink.TenantOf(config, MakeRecord(config, owner.PersonalLine)));
        Assert.Empty(record.Ended);
    }

    private static CallRecord MakeRecord(Config.Model.ConciergeConfig config, E164Number called)
    {
        var recorder = new CallRecorder();
        var engine = new CpsEngine(config, new VirtualTimeProvider(), new NoLegs(), new NoPbx()) { RecordSink = recorder };
        engine.OnIncomingLeg(new LegId(1), called, "+493011100009", CallType.Standard);
        return engine.Records.Single();
    }
}
