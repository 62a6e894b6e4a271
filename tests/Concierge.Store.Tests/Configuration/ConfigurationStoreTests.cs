using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Runtime.Collections;

namespace Concierge.Store.Tests.Configuration;

public sealed class ConfigurationStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> TopologiesByDialect
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var dialect in TestStore.DialectNames)
                foreach (var name in Topologies.WithCps) data.Add(dialect, name);
            return data;
        }
    }

    [Fact]
    public void Six_standard_topologies_have_a_cps() =>
        Assert.Equal(["osv-example", "osv-standby", "osv-oscc", "os4000-example", "osv-unifyphone", "osv-two-tenants"], Topologies.WithCps);

    [Theory]
    [MemberData(nameof(TopologiesByDialect))]
    public void Every_standard_topology_round_trips(string dialect, string name)
    {
        using var test = new TestStore(dialect);
        var store = test.Open();
        var config = Topologies.Load(name);
        store.SaveConfiguration(config, name + ".yaml", Now);
        Assert.Equal(config, store.LoadConfiguration());
        Assert.Equal((name + ".yaml", Now), store.ConfigurationSource());
    }

    [Theory]
    [MemberData(nameof(TestStore.Dialects), MemberType = typeof(TestStore))]
    public void A_save_replaces_what_was_stored(string dialect)
    {
        using var test = new TestStore(dialect);
        var store = test.Open();
        store.SaveConfiguration(Topologies.Load("osv-standby"), "osv-standby.yaml", Now);
        var os4000 = Topologies.Load("os4000-example");
        store.SaveConfiguration(os4000, "os4000-example.yaml", Now.AddHours(1));
        var loaded = store.LoadConfiguration();
        Assert.Equal(os4000, loaded);
        Assert.Null(loaded!.Standby);
        Assert.Equal(("os4000-example.yaml", Now.AddHours(1)), store.ConfigurationSource());
    }

    [Theory]
    [MemberData(nameof(TestStore.Dialects), MemberType = typeof(TestStore))]
    public void Optional_fields_overrides_and_attendant_tenants_survive(string dialect)
    {
        var example = Topologies.Load("osv-example");
        var entry = example.DdiEntries[1] with
        {
            Times = new TimeOverrides(TimeSpan.FromSeconds(45), null, TimeSpan.FromMilliseconds(12_500), TimeSpan.FromSeconds(3)),
            Overload = new OverloadSettings(OverloadAction.Forward, E164Number.Parse("+4950505807890")),
            Priority = 1,
            NightVariant = "Night Variant external",
            StartAnnouncement = "DEFAULT-DefaultStartAnnouncement",
            MusicOnHold = "DEFAULT-DefaultMoH",
            Os4000Rcg = "7",
        };
        var tenant = example.Tenants[0] with { RoutingType = RoutingType.PickOnly, Priorities = new CallPriorities(9, 8, 7, 6, 5) };
        var attendant = example.Attendants[0] with { Greeting = "DEFAULT-DefaultStartAnnouncement", Alias = null, Tenant = "DEFAULT" };
        var config = example with
        {
            Tenants = ValueList.Of(tenant),
            DdiEntries = ValueList.Of(example.DdiEntries[0], entry),
            Attendants = ValueList.Of(attendant, example.Attendants[1]),
        };
        using var test = new TestStore(dialect);
        var store = test.Open();
        store.SaveConfiguration(config, "test", Now);
        Assert.Equal(config, store.LoadConfiguration());
    }
}
