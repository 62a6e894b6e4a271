using System.Net;
using System.Text;
using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Engine;
using Concierge.Cps.Trunk;
using Concierge.Media;
using Concierge.Media.Simulated;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Message;
using Concierge.Sip.UserAgent;

namespace Concierge.Cps.Tests.Trunk;

/// <summary>
/// The trunk tells the media plane where each leg's RTP goes and in which codec, as offer/answer agreed: for a call
/// it answers, for a call it dialled, and again when the PBX holds or resumes the call.
/// </summary>
public sealed class TrunkMediaPeerTests
{
    private const string Caller = "+493011100001";
    private readonly SimulatedEventLoop _loop = new();
    private readonly RecordingPlane _media = new();
    private readonly SipUserAgent _pbx;
    private readonly CpsEngine _engine;

    public TrunkMediaPeerTests()
    {
        var bench = new TrunkBench(_loop, 5, _media);
        _pbx = bench.Pbx;
        var trunk = bench.Trunk;
        _engine = new CpsEngine(Topologies.Load("osv-example"), _loop.Time, trunk, new RecordingPbx());
        trunk.Attach(_engine);
        _pbx.IncomingCall += call =>
        {
            _pbx.Ring(call);
            _loop.ScheduleAfter(TimeSpan.FromMilliseconds(200), () => _pbx.Answer(call, Sdp("192.0.2.100", 20000, "8 0 101")));
        };
    }

    private static ReadOnlyMemory<byte> Sdp(string host, int port, string formats) => Encoding.ASCII.GetBytes(
        $"v=0\r\no=- 1 1 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\nm=audio {port} RTP/AVP {formats}\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n");

    private SipCall CallPilot(string formats) => _pbx.Invite(SipUri.Sip("+4950505803201", "192.0.2.20"), new SipInviteOptions
    {
        From = new NameAddress(SipUri.Sip(Caller, "osv")),
        Sdp = Sdp("198.51.100.10", 30000, formats),
    });

    [Fact]
    public void An_answered_call_sends_in_the_one_codec_the_offer_has_to_the_offered_address()
    {
        var call = CallPilot("8 101");
        Assert.True(_loop.RunUntil(() => call.State == SipCallState.Established, TimeSpan.FromSeconds(5)));

        var (source, peer) = Assert.Single(_media.Connects);
        Assert.Equal(new MediaPeer(new IPEndPoint(IPAddress.Parse("198.51.100.10"), 30000), MediaCodec.Pcma, 8, 101), peer);
        Assert.Equal(IPAddress.Parse("192.0.2.20"), source.Address);
        Assert.Equal(new MediaContent(MediaKind.Music, "DEFAULT-DefaultMoH"), _media.HeardFrom(source));
    }

    [Fact]
    public void A_hold_from_the_PBX_stops_the_sending_and_a_resume_starts_it_again()
    {
        var call = CallPilot("0 8 101");
        Assert.True(_loop.RunUntil(() => call.State == SipCallState.Established, TimeSpan.FromSeconds(5)));
        Assert.Equal(MediaCodec.Pcmu, Assert.Single(_media.Connects).Peer.Codec); // the CPS's preference when both are offered

        var reoffers = 0;
        _pbx.ReofferCompleted += (_, _) => reoffers++;
        Assert.True(_pbx.Hold(call));
        Assert.True(_loop.RunUntil(() => _media.Connects.Count == 2 && reoffers == 1, TimeSpan.FromSeconds(5)));
        Assert.False(_media.Connects[1].Peer.Sends);
        Assert.True(_pbx.Resume(call));
        Assert.True(_loop.RunUntil(() => _media.Connects.Count == 3, TimeSpan.FromSeconds(5)));
        Assert.True(_media.Connects[2].Peer.Sends);
        Assert.Equal(_media.Connects[0].Peer.Remote, _media.Connects[2].Peer.Remote);
    }

    [Fact]
    public void A_leg_the_CPS_dials_sends_where_the_answer_says()
    {
        _engine.LogOn(E164Number.Parse("+4950505807580"));
        CallPilot("0 8 101");
        Assert.True(_loop.RunUntil(() => _media.Connects.Any(c => c.Peer.Remote.Port == 20000), TimeSpan.FromSeconds(10)));

        var toAttendant = _media.Connects.Single(c => c.Peer.Remote.Port == 20000).Peer;
        // The answer lists PCMA first: the answerer's preference is the codec (RFC 3264 §6.1).
        Assert.Equal(new MediaPeer(new IPEndPoint(IPAddress.Parse("192.0.2.100"), 20000), MediaCodec.Pcma, 8, 101), toAttendant);
    }

    /// <summary>The simulated plane, with the peers it was told of.</summary>
    private sealed class RecordingPlane : IMediaPlane
    {
        private readonly SimulatedMediaPlane _inner = new();

        public List<(IPEndPoint Source, MediaPeer Peer)> Connects { get; } = new();

        public void Transmit(IPEndPoint source, MediaContent content) => _inner.Transmit(source, content);

        public void Relay(IPEndPoint source, IPEndPoint from) => _inner.Relay(source, from);

        public void Connect(IPEndPoint source, MediaPeer peer) => Connects.Add((source, peer));

        public void Stop(IPEndPoint source) => _inner.Stop(source);

        public MediaContent HeardFrom(IPEndPoint source) => _inner.HeardFrom(source);
    }
}
