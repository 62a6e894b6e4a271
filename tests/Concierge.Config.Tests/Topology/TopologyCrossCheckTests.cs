using Concierge.Config.Validation;

namespace Concierge.Config.Tests.Topology;

public sealed class TopologyCrossCheckTests
{
    private static readonly string OsvExample = File.ReadAllText(Path.Combine(RepositoryPaths.Topologies, "osv-example.yaml"));

    private static ConfigProblem SingleError(string variant)
    {
        var document = MinimalTopology.Load("extends: osv-example\n" + variant, ("osv-example", OsvExample));
        Assert.True(document.Errors.Count() == 1, string.Join("\n", document.Problems));
        return document.Errors.Single();
    }

    [Fact]
    public void A_register_id_differing_from_the_endpoint_alias_only_in_case_is_an_error()
    {
        var error = SingleError("concierge:\n  cps:\n    registerId: cps1\n");
        Assert.Equal(("concierge.cps.registerId", "cps1"), (error.Path, error.Value));
        Assert.Equal("the OSV endpoint alias is \"CPS1\" (case sensitive)", error.Message);
        Assert.Equal(new SourceLocation("test.yaml", 4, 17), error.Source);
    }

    [Fact]
    public void A_cps_host_missing_from_the_network_is_an_error()
    {
        var error = SingleError("concierge:\n  cps:\n    host: cps9\n");
        Assert.Equal(("concierge.cps.host", "cps9"), (error.Path, error.Value));
        Assert.StartsWith("is not a host of network.hosts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registrar_given_as_a_domain_name_is_left_to_dns()
    {
        var document = MinimalTopology.Load("extends: osv-example\nconcierge:\n  cps:\n    registrarHost: osvcluster.example.com\n", ("osv-example", OsvExample));
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void A_host_address_that_is_not_an_ip_address_is_an_error()
    {
        var error = SingleError("network:\n  hosts:\n    osv: 192.0.2.300\n");
        Assert.Equal(("network.hosts.osv", "192.0.2.300"), (error.Path, error.Value));
        Assert.Equal(4, error.Source!.Line);
    }

    [Fact]
    public void Two_hosts_on_one_address_is_an_error()
    {
        var error = SingleError("network:\n  hosts:\n    osc2: 192.0.2.20\n");
        Assert.Equal("network.hosts.osc2", error.Path);
        Assert.Equal("is also the address of host \"cps\"", error.Message);
    }

    [Fact]
    public void An_attendant_device_that_is_no_osv_subscriber_is_an_error()
    {
        var error = SingleError("concierge:\n  attendants:\n    \"+4950505807599\": { personalLine: \"+4950505803230\" }\n");
        Assert.Equal(("concierge.attendants[\"+4950505807599\"]", "+4950505807599"), (error.Path, error.Value));
        Assert.Equal("is not a subscriber of any OSV business group", error.Message);
    }

    [Fact]
    public void An_os4000_attendant_device_must_be_a_station()
    {
        var os4000 = File.ReadAllText(Path.Combine(RepositoryPaths.Topologies, "os4000-example.yaml"));
        var document = MinimalTopology.Load(
            "extends: os4000-example\nos4000:\n  stations:\n    \"+4950505807583\": ~\n", ("os4000-example", os4000), ("osv-example", OsvExample));
        var error = Assert.Single(document.Errors);
        Assert.Equal(("concierge.attendants[\"+4950505807583\"]", "is not a station of os4000.stations"), (error.Path, error.Message));
        Assert.Equal("os4000-example.yaml", error.Source!.File);
    }
}
