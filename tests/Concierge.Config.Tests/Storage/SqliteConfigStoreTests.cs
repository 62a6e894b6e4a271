using Concierge.Runtime.Collections;
using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Config.Storage;
using Concierge.Config.Tests.Topology;

namespace Concierge.Config.Tests.Storage;

public sealed class SqliteConfigStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"concierge-config-{Guid.NewGuid():N}.db");

    private static IEnumerable<string> NamesWithCps => RepositoryPaths.StandardTopologies.Where(n => StandardTopologies.Load(n).Concierge is not null);

    public static TheoryData<string> TopologiesWithCps => new(NamesWithCps);

    [Theory]
    [MemberData(nameof(TopologiesWithCps))]
    public void Every_standard_topology_round_trips(string name)
    {
        var config = StandardTopologies.Load(name).RequireConcierge();
        var store = SqliteConfigStore.ForFile(_path);
        store.Save(config);
        Assert.Equal(config, store.Load());
    }

    [Fact]
    public void Six_topologies_have_a_cps_and_osbiz_has_none() =>
        Assert.Equal(["osv-example", "osv-standby", "osv-oscc", "os4000-example", "osv-unifyphone", "osv-two-tenants"],
            NamesWithCps);

    [Fact]
    public void An_empty_store_loads_nothing() => Assert.Null(SqliteConfigStore.ForFile(_path).Load());

    [Fact]
    public void A_save_replaces_what_was_stored()
    {
        var store = SqliteConfigStore.ForFile(_path);
        store.Save(StandardTopologies.Load("osv-standby").RequireConcierge());
        var os4000 = StandardTopologies.Load("os4000-example").RequireConcierge();
        store.Save(os4000);
        var loaded = store.Load();
        Assert.Equal(os4000, loaded);
        Assert.Null(loaded!.Standby);
    }

    [Fact]
    public void Optional_fields_and_overrides_survive()
    {
        var example = StandardTopologies.Load("osv-example").RequireConcierge();
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
        var attendant = example.Attendants[0] with { Greeting = "DEFAULT-DefaultStartAnnouncement", Alias = null };
        var config = example with
        {
            Tenants = ValueList.Of(tenant),
            DdiEntries = ValueList.Of(example.DdiEntries[0], entry),
            Attendants = ValueList.Of(attendant, example.Attendants[1]),
        };
        var store = SqliteConfigStore.ForFile(_path);
        store.Save(config);
        Assert.Equal(config, store.Load());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (File.Exists(_path))
        {
            File.Delete(_path);
        }
    }
}
