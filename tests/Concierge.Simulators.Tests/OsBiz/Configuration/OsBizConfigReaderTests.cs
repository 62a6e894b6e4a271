using Concierge.Simulators.OsBiz.Configuration;
using Concierge.Simulators.OsBiz.Numbering;
using Concierge.Simulators.OsBiz.Routing;
using Concierge.Simulators.OsBiz.Stations;
using Concierge.Simulators.Tests.Support;
using Concierge.Simulators.UnifyPhone.Configuration;

namespace Concierge.Simulators.Tests.OsBiz.Configuration;

public class OsBizConfigReaderTests
{
    [Fact]
    public void The_standard_topology_reads_as_in_the_howto()
    {
        var config = OsBizConfigReader.Read(OsBizSite.Load(), out var errors)!;
        Assert.Empty(errors);
        Assert.Equal(("osbiz", 2048, 150), (config.Host, config.UpstreamKbps, config.MaxUnifyPhoneUsers));
        var c = config.Connectivity;
        Assert.Equal((NumberingSchema.International, "855", new LocationNumber("49", "2302", "667"), 65061, TimeSpan.FromSeconds(600), 16),
            (c.Schema, c.SeizureCode, c.LocationNumberIncoming, c.SipServerPort, c.ReregistrationInterval, c.SimultaneousCalls));
        Assert.Equal(["2131", "2134", "42135"], config.Users.Select(u => u.CallNumber));
        Assert.All(config.Users, u => Assert.Equal(RoutingMode.Default, u.Routing));
        Assert.Equal(new TeamConfig("2135", "User 5", "2135", "2135", "42135"), Assert.Single(config.Teams));
        Assert.Equal(StationKind.Cordless, config.Stations.Single(s => s.CallNumber == "2136").Kind);
        Assert.True(config.Target2UserDefined);
        var tenant = TenantConfigReader.Read(OsBizSite.Load(), out var tenantErrors)!;
        Assert.Empty(tenantErrors);
        Assert.Equal(("unifyPhoneCloud", "UP-API-KEY-EXAMPLE-0001", "gtc-012", "Active", TimeSpan.FromDays(90), 3),
            (tenant.Host, tenant.ApiKey, tenant.ConnectorName, tenant.JwtStatus, tenant.JwtExpiresIn, tenant.Users.Count));
    }

    [Theory]
    [InlineData("simultaneousCalls: 16", "simultaneousCalls: 17", "osbiz.unifyPhoneConnectivity.simultaneousCalls", "17 is more than the upstream of 2048 kbit/s allows (16)")]
    [InlineData("maxUnifyPhoneUsers: 150", "maxUnifyPhoneUsers: 500", "osbiz.maxUnifyPhoneUsers", "500 is more than the V3 X5 (basic) takes: 150")]
    [InlineData("deskPhone: \"2135\"", "deskPhone: \"2136\"", "osbiz.teams[\"2135\"].deskPhone", "'2136' is a Cordless: only one IP or TDM desk phone can be in a team with a Unify Phone user")]
    [InlineData("numberingSchema: international", "numberingSchema: e164", "osbiz.unifyPhoneConnectivity.numberingSchema", "'e164' is not international or internal")]
    [InlineData("routing: Default, team", "routing: Sometimes, team", "osbiz.unifyPhoneUsers[\"42135\"].routing", "'Sometimes' is not Default, Desk phone, Unify Phone or Alternative number")]
    [InlineData("transport: tls", "transport: udp", "osbiz.unifyPhoneConnectivity.sipServer.transport", "Unify Phone connects by SIP over TLS only (tls)")]
    [InlineData("softwareSupport: valid", "softwareSupport: maybe", "osbiz.softwareSupport", "'maybe' is not valid or expired")]
    public void Errors_name_the_field_and_the_value(string from, string to, string field, string message)
    {
        var document = OsBizSite.Load(yaml => yaml.Replace(from, to, StringComparison.Ordinal));
        Assert.Null(OsBizConfigReader.Read(document, out var errors));
        Assert.Contains(errors, e => e.Contains(field, StringComparison.Ordinal) && e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_keys_are_errors()
    {
        var document = OsBizSite.Load(yaml => yaml.Replace("  softwareSupport: valid", "  softwareSupport: valid\n  colour: blue", StringComparison.Ordinal));
        Assert.Null(OsBizConfigReader.Read(document, out var errors));
        Assert.Contains(errors, e => e.Contains("colour", StringComparison.Ordinal));
    }
}
