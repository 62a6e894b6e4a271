using Concierge.Config.Topology;
using Concierge.Csta.Numbers;

namespace Concierge.Config.Tests.Topology;

public sealed class PabxRoutingTopologyTests
{
    private const string Routing = """
          pabxRouting:
            countryCode: "49"
            areaCode: "5050"
            trunkCode: "580"
            maxExtensionLength: 4
            accessCodes: { public: "0", national: "0", international: "00" }
        osv:
        """;

    private static string WithRouting(string routing = Routing) => MinimalTopology.With("osv:\n", routing + "\n");

    /// <summary>Writing and reading back is covered by ConciergeSectionWriterTests over the standard topologies, osv-example's routing data included.</summary>
    [Fact]
    public void Osv_example_has_the_guides_routing_data()
    {
        var config = StandardTopologies.Load("osv-example").RequireConcierge();
        Assert.Equal(new PabxRoutingData("49", "5050", "580", 4, new AccessCodes("0", "0", "00", "")), config.PabxRouting);
    }

    [Fact]
    public void Routing_data_in_a_topology_is_read()
    {
        var config = MinimalTopology.Load(WithRouting()).RequireConcierge();
        Assert.Equal(new PabxRoutingData("49", "5050", "580", 4, new AccessCodes("0", "0", "00", "")), config.PabxRouting);
    }

    [Fact]
    public void Without_routing_data_there_is_none()
    {
        Assert.Null(MinimalTopology.Load(MinimalTopology.Text).RequireConcierge().PabxRouting);
    }

    [Theory]
    [InlineData("countryCode: \"49\"", "countryCode: \"049\"", "concierge.pabxRouting", "country code '049'")]
    [InlineData("accessCodes: { public: \"0\", national: \"0\", international: \"00\" }", "accessCodes: { public: \"0\", national: \"0\", international: \"0\" }", "concierge.pabxRouting", "national and international access codes must differ")]
    [InlineData("maxExtensionLength: 4", "maxExtensionLength: four", "concierge.pabxRouting.maxExtensionLength", "is not a whole number")]
    [InlineData("maxExtensionLength: 4", "maxExtensionLength: 9", "concierge.pabxRouting", "exceed the 15 digits of E.164")]
    [InlineData("trunkCode: \"580\"", "trunkCode: \"580\"\n    useVnr: maybe", "concierge.pabxRouting.useVnr", "is not true or false")]
    [InlineData("areaCode: \"5050\"", "areCode: \"5050\"", "concierge.pabxRouting.areCode", "is not a known field")]
    public void Bad_routing_data_is_an_error_naming_the_field(string find, string replace, string path, string message)
    {
        var document = MinimalTopology.Load(WithRouting(Routing.Replace(find, replace, StringComparison.Ordinal)));
        Assert.False(document.IsValid);
        var error = Assert.Single(document.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
