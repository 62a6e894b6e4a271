using System.Net;
using Concierge.Server.Pbx;

namespace Concierge.Server.Tests;

/// <summary>The sample settings in deploy/settings are valid and give the PBX addresses their comments say.</summary>
public sealed class SampleSettingsTests
{
    private static string Sample(string name) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(TestTopology.Directory))!, "deploy", "settings", name + ".yaml");

    [Theory]
    [InlineData("openscape-voice", "192.0.2.10:5060", "192.0.2.10:1040", "CPS1")]
    [InlineData("openscape-4000", "192.0.2.11:5060", "192.0.2.12:1040", null)]
    public void A_sample_loads_with_its_registrar_csta_endpoint_register_id_and_rtp_range(string name, string registrar, string csta, string? registerId)
    {
        using var files = new TestServerFiles();
        var options = files.Options("--topology", Sample(name), "--db", files.Database);
        var topology = ServerTopology.Load(options, files.Directory);
        Assert.Equal((IPEndPoint.Parse(registrar), IPEndPoint.Parse(csta)), (topology.Pbx.Sip, topology.Pbx.Csta));
        Assert.Equal(registerId, topology.Config.Cps.RegisterId is { Length: > 0 } id ? id : null);
        Assert.Equal((40000, 500), (topology.Config.Cps.RtpStartPort, topology.Config.Cps.RtpPortCount));
    }
}
