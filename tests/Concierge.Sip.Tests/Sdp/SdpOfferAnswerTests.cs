using Concierge.Sip.Sdp;

namespace Concierge.Sip.Tests.Sdp;

public class SdpOfferAnswerTests
{
    private static readonly SdpLocalMedia Cps = new("192.0.2.10", 40000, SdpLocalMedia.G711WithDtmf);
    private static readonly SdpLocalMedia PbxPcmaFirst = new("198.51.100.20", 30000, [SdpCodec.Pcma, SdpCodec.Pcmu, SdpCodec.TelephoneEvent with { PayloadType = 96 }]);

    [Fact]
    public void Answer_keeps_common_codecs_in_answerer_preference_and_offerer_payload_numbers()
    {
        var offer = SdpOfferAnswer.CreateOffer(Cps, 1, 1);
        Assert.True(SdpOfferAnswer.TryCreateAnswer(offer, PbxPcmaFirst, 7, 1, out var answer, out var negotiated, out var failure), failure);
        Assert.Equal(["8", "0", "101"], answer!.Audio!.Formats);
        Assert.Equal(SdpCodec.Pcma, negotiated!.Codec);
        Assert.Equal(101, negotiated.TelephoneEvent!.PayloadType);
        Assert.Equal("192.0.2.10", negotiated.RemoteAddress);
        Assert.Equal(40000, negotiated.RemotePort);
        Assert.Equal(SdpDirection.SendRecv, negotiated.Direction);

        Assert.True(SdpOfferAnswer.TryReadAnswer(offer, answer, out var offerSide, out failure), failure);
        Assert.Equal(SdpCodec.Pcma, offerSide!.Codec);
        Assert.Equal("198.51.100.20", offerSide.RemoteAddress);
        Assert.Equal(30000, offerSide.RemotePort);
    }

    [Fact]
    public void Rejects_video_with_port_zero_and_accepts_audio()
    {
        Assert.True(SdpSessionDescription.TryParse(
            "v=0\r\no=x 1 1 IN IP4 192.0.2.3\r\ns=-\r\nc=IN IP4 192.0.2.3\r\nt=0 0\r\nm=video 5000 RTP/AVP 31\r\nm=audio 6000 RTP/AVP 18 0\r\n",
            out var offer, out _));
        Assert.True(SdpOfferAnswer.TryCreateAnswer(offer!, Cps, 1, 1, out var answer, out var negotiated, out _));
        Assert.Equal(0, answer!.Media[0].Port);
        Assert.Equal("video", answer.Media[0].Media);
        Assert.Equal(["0"], answer.Media[1].Formats);
        Assert.Equal(SdpCodec.Pcmu, negotiated!.Codec);
        Assert.Null(negotiated.TelephoneEvent);
    }

    [Fact]
    public void No_common_codec_fails_for_a_488()
    {
        Assert.True(SdpSessionDescription.TryParse("v=0\r\no=x 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 h\r\nt=0 0\r\nm=audio 6000 RTP/AVP 18\r\n", out var offer, out _));
        Assert.False(SdpOfferAnswer.TryCreateAnswer(offer!, Cps, 1, 1, out var answer, out _, out var failure));
        Assert.Null(answer);
        Assert.Contains("PCMU", failure);
    }

    [Theory]
    [InlineData(SdpDirection.SendRecv, SdpDirection.SendRecv, SdpDirection.SendRecv)]
    [InlineData(SdpDirection.SendOnly, SdpDirection.SendRecv, SdpDirection.RecvOnly)]
    [InlineData(SdpDirection.RecvOnly, SdpDirection.SendRecv, SdpDirection.SendOnly)]
    [InlineData(SdpDirection.Inactive, SdpDirection.SendRecv, SdpDirection.Inactive)]
    [InlineData(SdpDirection.SendRecv, SdpDirection.SendOnly, SdpDirection.SendOnly)]
    [InlineData(SdpDirection.SendOnly, SdpDirection.SendOnly, SdpDirection.Inactive)]
    [InlineData(SdpDirection.RecvOnly, SdpDirection.RecvOnly, SdpDirection.Inactive)]
    public void Answer_direction_follows_rfc3264(SdpDirection offered, SdpDirection local, SdpDirection expected)
    {
        Assert.Equal(expected, SdpDirections.Answer(offered, local));
    }

    [Fact]
    public void Hold_and_resume_reoffers_change_direction_and_version()
    {
        var offer = SdpOfferAnswer.CreateOffer(Cps, 5, 1);
        var hold = SdpOfferAnswer.CreateReOffer(offer, SdpDirection.SendOnly);
        Assert.Equal(2UL, hold.Origin!.SessionVersion);
        Assert.Equal(SdpDirection.SendOnly, hold.DirectionOf(hold.Audio!));
        Assert.Single(hold.Audio!.Attributes, a => a.Name is "sendonly" or "sendrecv" or "recvonly" or "inactive");

        Assert.True(SdpOfferAnswer.TryCreateAnswer(hold, PbxPcmaFirst, 9, 2, out var holdAnswer, out var pbxView, out _));
        Assert.Equal(SdpDirection.RecvOnly, holdAnswer!.DirectionOf(holdAnswer.Audio!));
        Assert.True(pbxView!.IsSilent);
        Assert.True(SdpOfferAnswer.TryReadAnswer(hold, holdAnswer, out var cpsView, out _));
        Assert.Equal(SdpDirection.SendOnly, cpsView!.Direction);

        var resume = SdpOfferAnswer.CreateReOffer(hold, SdpDirection.SendRecv);
        Assert.Equal(3UL, resume.Origin!.SessionVersion);
        Assert.True(SdpOfferAnswer.TryCreateAnswer(resume, PbxPcmaFirst, 9, 3, out var resumeAnswer, out _, out _));
        Assert.Equal(SdpDirection.SendRecv, resumeAnswer!.DirectionOf(resumeAnswer.Audio!));
    }

    [Fact]
    public void Legacy_hold_with_null_address_is_answered_recvonly()
    {
        var legacy = SdpOfferAnswer.CreateOffer(Cps with { Address = "0.0.0.0" }, 1, 2);
        Assert.True(SdpOfferAnswer.TryCreateAnswer(legacy, PbxPcmaFirst, 1, 1, out var answer, out _, out _));
        Assert.Equal(SdpDirection.RecvOnly, answer!.DirectionOf(answer.Audio!));
    }
}
