using Concierge.Scenarios.Faults;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.Values;

namespace Concierge.Scenarios.Tests.Running;

public sealed class TopologyAndFaultTests
{
    [Theory]
    [InlineData("osv-example", PbxKind.Osv)]
    [InlineData("osv-standby", PbxKind.Osv)]
    [InlineData("osv-oscc", PbxKind.Osv)]
    [InlineData("os4000-example", PbxKind.Os4000)]
    [InlineData("osv-unifyphone", PbxKind.Osv)]
    [InlineData("osbiz-unifyphone", PbxKind.OpenScapeBusiness)]
    public void The_standard_topologies_load(string name, PbxKind pbx)
    {
        var topology = TopologyCatalog.Load(TestRepository.Root, name);
        Assert.Equal(pbx, topology.Pbx);
        Assert.NotEmpty(topology.Hosts);
        Assert.NotEmpty(topology.Numbers);
    }

    [Fact]
    public void Aliases_resolve_to_full_numbers()
    {
        var osv = TopologyCatalog.Load(TestRepository.Root, "osv-example");
        Assert.Equal("+4950505807580", osv.Resolve(new DeviceRef("7580")));
        Assert.Equal("+4950505803201", osv.Resolve(new DeviceRef("3201")));
        Assert.Equal("+4930111", osv.Resolve(new DeviceRef("+4930111")));
        Assert.Throws<FormatException>(() => osv.Resolve(new DeviceRef("1234")));
        Assert.Contains("cps", osv.Hosts);
        Assert.Equal("osv", osv.RequireHost("osv"));
        Assert.Throws<FormatException>(() => osv.RequireHost("mars"));
        Assert.Contains("osc2", TopologyCatalog.Load(TestRepository.Root, "osv-standby").Hosts);
    }

    [Fact]
    public void Missing_topologies_name_the_known_ones()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TopologyCatalog.Load(TestRepository.Root, "nowhere"));
        Assert.Contains("osv-example", error.Message);
    }

    [Theory]
    [InlineData("lossy")]
    [InlineData("slow")]
    public void The_standard_fault_profiles_load(string name)
    {
        var profile = FaultProfileLoader.Load(TestRepository.Root, name);
        Assert.Equal(name, profile.Name);
        Assert.True(profile.EveryLink.Latency > TimeSpan.Zero);
    }

    [Fact]
    public void Fault_profiles_are_validated()
    {
        var profile = FaultProfileLoader.Parse("every-link:\n  latency: 5 ms\n  loss-percent: 2.5\n", "x");
        Assert.Equal(new LinkFaults(TimeSpan.FromMilliseconds(5), TimeSpan.Zero, 2.5, 0, 0), profile.EveryLink);
        Assert.Throws<FormatException>(() => FaultProfileLoader.Parse("every-link:\n  loss-percent: 120\n", "x"));
        Assert.Throws<FormatException>(() => FaultProfileLoader.Parse("every-link:\n  colour: red\n", "x"));
        Assert.Throws<FormatException>(() => FaultProfileLoader.Parse("name: x\n", "x"));
        Assert.Throws<FileNotFoundException>(() => FaultProfileLoader.Load(TestRepository.Root, "nowhere"));
    }
}
