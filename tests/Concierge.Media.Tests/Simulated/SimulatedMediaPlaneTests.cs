using System.Net;
using Concierge.Media;
using Concierge.Media.Simulated;

namespace Concierge.Media.Tests.Simulated;

public sealed class SimulatedMediaPlaneTests
{
    private static readonly IPEndPoint CpsPort = new(IPAddress.Parse("192.0.2.20"), 40000);
    private static readonly IPEndPoint PhonePort = new(IPAddress.Parse("192.0.2.100"), 20000);

    [Fact]
    public void A_party_hears_what_its_remote_rtp_address_sends_and_silence_when_nothing_does()
    {
        var plane = new SimulatedMediaPlane();
        Assert.Equal(MediaContent.Silence, plane.HeardFrom(CpsPort));

        plane.Transmit(CpsPort, new MediaContent(MediaKind.Music, "DEFAULT-DefaultMoH"));
        plane.Transmit(PhonePort, MediaContent.VoiceOf("+4950505807580"));

        Assert.Equal(new MediaContent(MediaKind.Music, "DEFAULT-DefaultMoH"), plane.HeardFrom(CpsPort));
        Assert.Equal(MediaKind.Voice, plane.HeardFrom(PhonePort).Kind);

        plane.Transmit(CpsPort, new MediaContent(MediaKind.Announcement, "DEFAULT-NotAvailable.ende"));
        Assert.Equal("DEFAULT-NotAvailable.ende", plane.HeardFrom(CpsPort).Label);

        plane.Stop(CpsPort);
        Assert.Equal(MediaContent.Silence, plane.HeardFrom(CpsPort));
        Assert.Equal(1, plane.ActiveSources);

        plane.Transmit(CpsPort, MediaContent.Ringback);
        Assert.Equal(1, plane.StopAll(CpsPort.Address));
        Assert.Equal(MediaContent.Silence, plane.HeardFrom(CpsPort));
        Assert.Equal(MediaKind.Voice, plane.HeardFrom(PhonePort).Kind);
    }
}
