using Concierge.Simulators.Os4000.Configuration;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Os4000.Configuration;

public sealed class Os4000ConfigReaderTests
{
    [Fact]
    public void The_example_topology_reads_as_the_seed_describes_it()
    {
        var config = Os4000ConfigReader.Require(OsvWorld.Load("os4000-example"));
        Assert.Equal(181, config.Stmi.TrunkGroup);
        Assert.Equal(30, config.Stmi.Channels);
        Assert.Equal(120, config.Stmi.MaxChannels);
        Assert.Equal("+495050580", config.Numbering.E164Prefix);
        Assert.Equal(Os4000HuntType.Cyclic, config.HuntGroups["5520"].Type);
        Assert.Equal(["7580", "7581", "7582", "7583"], config.HuntGroups["5520"].Members);
        Assert.Equal(2, config.Lcr.Routes["181"].Entries.Count);
        Assert.True(config.Lcr.Routes["181"].Entries[1].IsInternalReroute);
        Assert.True(config.Csta.IgnoresRestriction);
        Assert.Equal("*17", config.AttendantFeatures.MaliciousCallTrace);
        Assert.Equal("*19", config.AttendantFeatures.BusyOverride);
        Assert.Equal(5, config.Lcr.DialPlan.Count);
        Assert.Empty(config.VnrNodes);
    }

    [Theory]
    [InlineData("os4000:\n  stmi:\n    channels: 121\n", "os4000.stmi.channels")]
    [InlineData("os4000:\n  stmi:\n    maxChannels: 20\n", "more than maxChannels")]
    [InlineData("os4000:\n  huntGroups:\n    \"5520\":\n      members: [\"7999\"]\n", "\"7999\" is not the extension of a station")]
    [InlineData("os4000:\n  attendantFeatures: { maliciousCallTrace: \"17\" }\n", "is not a key code")]
    [InlineData("os4000:\n  csta:\n    presentationRestricted: hide\n", "is not ignore or restrict")]
    [InlineData("os4000:\n  vnr:\n    nodes:\n      - { nodeCode: \"99x\", e164: \"+495050580\" }\n", "os4000.vnr.nodes[0].nodeCode")]
    [InlineData("os4000:\n  unknownKey: 1\n", "unknownKey")]
    public void A_bad_value_is_named_with_its_field(string yaml, string expected)
    {
        var document = OsvWorld.Variant("extends: os4000-example\nname: variant\n" + yaml);
        Assert.Null(Os4000ConfigReader.Read(document, out var errors));
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
