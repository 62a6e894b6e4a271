using Concierge.Config.Model;
using Concierge.Config.Topology;
using Concierge.Runtime.Collections;

namespace Concierge.Config.Tests.Topology;

public sealed class ConciergeSectionWriterTests
{
    public static TheoryData<string> TopologiesWithCps =>
        new(RepositoryPaths.StandardTopologies.Where(n => StandardTopologies.Load(n).Concierge is not null));

    private static TopologyDocument ReadBack(string yaml) => new TopologyLoader(name => name == "exported" ? yaml : null).Load("exported");

    [Theory]
    [MemberData(nameof(TopologiesWithCps))]
    public void A_written_section_reads_back_to_an_equal_configuration(string name)
    {
        var config = StandardTopologies.Load(name).RequireConcierge();
        var document = ReadBack(ConciergeSectionWriter.WriteDocument(config));
        Assert.Empty(document.Errors);
        Assert.Equal(config, document.Concierge);
    }

    [Fact]
    public void Optional_fields_and_attendant_tenants_are_written_and_read_back()
    {
        var example = StandardTopologies.Load("osv-example").RequireConcierge();
        var config = example with
        {
            DdiEntries = ValueList.Of(example.DdiEntries[0] with
            {
                Times = new TimeOverrides(TimeSpan.FromSeconds(45), null, TimeSpan.FromMilliseconds(12_500), null),
                Priority = 2, MusicOnHold = "DEFAULT-DefaultMoH",
            }),
            Attendants = ValueList.Of(example.Attendants[0] with { Tenant = "DEFAULT", Greeting = "DEFAULT-DefaultStartAnnouncement" }),
        };
        var yaml = ConciergeSectionWriter.WriteDocument(config);
        Assert.Contains("\"12.5 seconds\"", yaml, StringComparison.Ordinal);
        Assert.Equal(config, ReadBack(yaml).Concierge);
    }

    [Fact]
    public void An_attendant_naming_an_unknown_tenant_is_an_error_naming_field_and_value()
    {
        var example = StandardTopologies.Load("osv-example").RequireConcierge();
        var config = example with { Attendants = ValueList.Of(example.Attendants[0] with { Tenant = "Nobody" }) };
        var error = Assert.Single(ReadBack(ConciergeSectionWriter.WriteDocument(config)).Errors);
        Assert.Contains("tenant", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"Nobody\" is not a tenant", error.ToString(), StringComparison.Ordinal);
    }
}
