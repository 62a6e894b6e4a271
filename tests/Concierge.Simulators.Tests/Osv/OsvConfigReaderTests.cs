using Concierge.Config.Topology;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class OsvConfigReaderTests
{
    private static TopologyDocument Variant(string yaml) => OsvWorld.Variant(yaml);

    [Theory]
    [InlineData("osv-example")]
    [InlineData("osv-standby")]
    [InlineData("osv-unifyphone")]
    [InlineData("osv-two-tenants")]
    [InlineData("osv-oscc")]
    public void Standard_topologies_read_without_errors(string name)
    {
        var config = OsvConfigReader.Read(OsvWorld.Load(name), out var errors);
        Assert.Empty(errors);
        Assert.NotNull(config);
        Assert.Equal("osv", config!.Host);
        Assert.Equal(TimeSpan.FromSeconds(32), config.Endpoints["CPS001"].OutgoingCallSupervisionTimer);
        Assert.Equal(511, config.HuntGroups.Single(h => h.Number == "+4950505805520").QueueSize);
    }

    [Fact]
    public void The_standard_OSV_reads_as_the_guide_describes()
    {
        var config = OsvConfigReader.Require(OsvWorld.Load("osv-example"));
        Assert.True(config.GlobalPlan.Destinations["CPSQueues"].FallbackToLocalNumberingPlan);
        Assert.False(config.GlobalPlan.Destinations["CPSintResc"].FallbackToLocalNumberingPlan);
        var fallback = config.GlobalPlan.CodeProcessing["CP_Fallback"];
        Assert.Equal("4950505805520", fallback.Operations.Aggregate("4950505803201", (d, op) => op.Apply(d)));
        Assert.Equal(["CPS1", "192.0.2.20"], config.Endpoints["CPS001"].Aliases);
        Assert.Equal(TimeSpan.FromSeconds(300), config.MinimumRegisterInterval);
        var hg = config.HuntGroups.Single();
        Assert.Equal(HuntType.Ucd, hg.Type);
        Assert.All(hg.Members, m => Assert.True(m.AttendantAgent && m.CanMakeHuntGroupBusy));
        Assert.False(config.PrivateDataPresentationV8);

        Assert.Equal(["CPS1", "192.0.2.20", "192.0.2.21"], OsvConfigReader.Require(OsvWorld.Load("osv-standby")).Endpoints["CPS001"].Aliases);
        var unify = OsvConfigReader.Require(OsvWorld.Load("osv-unifyphone"));
        Assert.True(unify.PrivateDataPresentationV8);
        Assert.Equal("+4950505807683", unify.Subscribers.Single(s => s.Number == "+4950505807583").UnifyPhonePartner);
    }

    [Fact]
    public void Errors_name_the_file_line_field_and_value()
    {
        var document = Variant("""
            extends: osv-example
            name: variant
            osv:
              endpoints:
                CPS001:
                  outgoingCallSupervisionTimer: soon
                  colour: blue
              businessGroups:
                BG_Concierge:
                  huntGroups:
                    "+4950505805520":
                      queueSize: 600
                      huntType: random
            """);
        var config = OsvConfigReader.Read(document, out var errors);
        Assert.Null(config);
        Assert.Contains(errors, e => e.StartsWith("variant.yaml:6", StringComparison.Ordinal)
            && e.Contains("osv.endpoints.CPS001.outgoingCallSupervisionTimer: \"soon\" is not a duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("osv.endpoints.CPS001.colour: is not a known field", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("queueSize: \"600\" is not a whole number in 0–511", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("huntType: \"random\" is not one of", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => OsvConfigReader.Require(document));
    }

    [Fact]
    public void A_route_to_an_unknown_endpoint_is_an_error()
    {
        var document = Variant("""
            extends: osv-example
            name: variant
            osv:
              globalNumberingPlan:
                destinations:
                  CPSQueues:
                    routes:
                      - { endpoint: CPS999 }
            """);
        OsvConfigReader.Read(document, out var errors);
        Assert.Contains(errors, e => e.Contains("\"CPS999\" is not an endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Call_forward_invalid_destination_is_read_from_the_profile_and_needs_a_destination()
    {
        var config = OsvConfigReader.Require(OsvWorld.Load("osv-example"));
        Assert.Equal("+4950505803219", config.EndpointProfiles["EPP_FPRVC_Site1"].CallForwardInvalidDestination);
        Assert.Null(config.EndpointProfiles["EPP_CPS"].CallForwardInvalidDestination);

        var document = Variant("""
            extends: osv-example
            name: variant
            osv:
              endpointProfiles:
                EPP_Gateway2: { businessGroup: BG_Concierge, numberingPlan: NP_Site1, services: [Call Forward Invalid Destination] }
            """);
        OsvConfigReader.Read(document, out var errors);
        Assert.Contains(errors, e => e.Contains("EPP_Gateway2.callForwardInvalidDestination: is required with the service", StringComparison.Ordinal));
    }
}
