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

    private static readonly IPEndPoint CpsSecondPort = new(IPAddress.Parse("192.0.2.20"), 40002);
    private static readonly IPEndPoint AttendantPort = new(IPAddress.Parse("192.0.2.100"), 20002);

    [Fact]
    public void A_bridge_relays_each_party_the_other_one_and_ends_when_the_source_transmits_again()
    {
        var plane = new SimulatedMediaPlane();
        plane.Transmit(PhonePort, MediaContent.VoiceOf("+493011100001"));
        plane.Transmit(AttendantPort, MediaContent.VoiceOf("+4950505807580"));

        plane.Relay(CpsPort, AttendantPort);       // the caller's leg carries the attendant
        plane.Relay(CpsSecondPort, PhonePort);     // the attendant's leg carries the caller

        Assert.Equal(MediaContent.VoiceOf("+4950505807580"), plane.HeardFrom(CpsPort));
        Assert.Equal(MediaContent.VoiceOf("+493011100001"), plane.HeardFrom(CpsSecondPort));
        Assert.Equal(4, plane.ActiveSources);

        plane.Transmit(CpsPort, new MediaContent(MediaKind.Music, "DEFAULT-DefaultMoH"));
        Assert.Equal(MediaKind.Music, plane.HeardFrom(CpsPort).Kind);
        plane.Stop(CpsSecondPort);
        Assert.Equal(MediaContent.Silence, plane.HeardFrom(CpsSecondPort));
    }

    [Fact]
    public void Two_relays_facing_each_other_carry_silence_not_a_loop()
    {
        var plane = new SimulatedMediaPlane();
        plane.Relay(CpsPort, CpsSecondPort);
        plane.Relay(CpsSecondPort, CpsPort);
        Assert.Equal(MediaContent.Silence, plane.HeardFrom(CpsPort));
    }
}
