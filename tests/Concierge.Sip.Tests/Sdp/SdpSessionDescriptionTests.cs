using Concierge.Sip.Sdp;
using Concierge.Sip.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Sip.Tests.Sdp;

public class SdpSessionDescriptionTests
{
    [Fact]
    public void Parses_a_typical_offer()
    {
        Assert.True(SdpSessionDescription.TryParse(SampleMessages.Sdp, out var sdp, out var error), error);
        Assert.Equal(new SdpOrigin("cps", 2890844526, 2890844526, "IN", "IP4", "192.0.2.10"), sdp!.Origin);
        Assert.Equal("192.0.2.10", sdp.Connection!.Address);
        var audio = sdp.Audio!;
        Assert.Equal(49170, audio.Port);
        Assert.Equal(["0", "8", "101"], audio.Formats);
        Assert.Equal([SdpCodec.Pcmu, SdpCodec.Pcma, SdpCodec.TelephoneEvent], audio.Codecs);
        Assert.Equal(SdpDirection.SendRecv, sdp.DirectionOf(audio));
        Assert.Equal("20", audio.Attribute("ptime"));
        Assert.False(sdp.IsHold(audio));
    }

    [Fact]
    public void Serializes_back_to_the_same_text()
    {
        Assert.True(SdpSessionDescription.TryParse(SampleMessages.Sdp, out var sdp, out _));
        Assert.Equal(SampleMessages.Sdp, sdp!.ToString());
    }

    [Fact]
    public void Reads_static_payload_types_without_rtpmap_and_keeps_unknown_lines()
    {
        const string text = "v=0\no=- 1 1 IN IP4 192.0.2.5\ns=-\ni=info\nc=IN IP4 192.0.2.5\nb=AS:64\nt=0 0\nm=audio 4000 RTP/AVP 8 0\nk=prompt\nm=video 0 RTP/AVP 31\n";
        Assert.True(SdpSessionDescription.TryParse(text, out var sdp, out var error), error);
        Assert.Equal([SdpCodec.Pcma, SdpCodec.Pcmu], sdp!.Media[0].Codecs);
        Assert.True(sdp.Media[1].IsRejected);
        Assert.Equal(text.Replace("\n", "\r\n"), sdp.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("o=- 1 1 IN IP4 h\r\n")]
    [InlineData("v=0\r\ns=-\r\n")]
    [InlineData("v=0\r\no=- x 1 IN IP4 h\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\nm=audio port RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\nbad line\r\n")]
    public void Rejects_malformed_descriptions(string text)
    {
        Assert.False(SdpSessionDescription.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Detects_hold_by_direction_or_null_address()
    {
        var sendOnly = SdpOfferAnswer.CreateOffer(new SdpLocalMedia("192.0.2.1", 4000, SdpLocalMedia.G711WithDtmf) { Direction = SdpDirection.SendOnly }, 1, 1);
        Assert.True(sendOnly.IsHold(sendOnly.Audio!));
        var legacy = SdpOfferAnswer.CreateOffer(new SdpLocalMedia("0.0.0.0", 4000, SdpLocalMedia.G711WithDtmf), 1, 1);
        Assert.True(legacy.IsHold(legacy.Audio!));
    }

    [Fact]
    public void Generated_descriptions_round_trip()
    {
        var gen =
            from address in Gen.Elements("192.0.2.1", "198.51.100.7", "2001:db8::5")
            from port in Gen.Choose(1024, 65534)
            from codecs in Gen.SubListOf<SdpCodec>(SdpLocalMedia.G711WithDtmf)
            from direction in Gen.Elements(Enum.GetValues<SdpDirection>())
            from version in Gen.Choose(0, int.MaxValue)
            where codecs.Count > 0
            select SdpOfferAnswer.CreateOffer(new SdpLocalMedia(address, port, codecs.ToList()) { Direction = direction }, 42, (ulong)version);
        Prop.ForAll(gen.ToArbitrary(), sdp =>
        {
            var text = sdp.ToString();
            return SdpSessionDescription.TryParse(sdp.ToBytes(), out var back, out _) && back!.ToString() == text
                && back.Audio!.Codecs.SequenceEqual(sdp.Audio!.Codecs) && back.DirectionOf(back.Audio) == sdp.DirectionOf(sdp.Audio);
        }).QuickCheckThrowOnFailure();
    }
}
