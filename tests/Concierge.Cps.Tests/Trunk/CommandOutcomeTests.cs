using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;
using Concierge.Cps.Trunk;
using Concierge.Media.Simulated;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Message;
using Concierge.Sip.UserAgent;

namespace Concierge.Cps.Tests.Trunk;

/// <summary>
/// The re-entrancy rule of the CPS ports: what an <see cref="ICallLegs"/> command leads to reaches the engine as a
/// later input on the event loop, never from inside the command (the engine is still in the middle of its own step).
/// </summary>
public sealed class CommandOutcomeTests
{
    private const string Caller = "+493011100001";
    private const string Attendant = "+4950505807580";
    private readonly SimulatedEventLoop _loop = new();
    private SipUserAgent _pbx = null!;
    private SipTrunk _trunk = null!;
    private CommandWatch _watch = null!;
    private CpsEngine _engine = null!;

    /// <summary>The engine on its trunk (through the watch) against a bare PBX user agent that rings and answers nothing.</summary>
    private void Start(RegistrarTargets? registrar = null)
    {
        var bench = new TrunkBench(_loop, 11, new SimulatedMediaPlane(), registrar);
        _pbx = bench.Pbx;
        _trunk = bench.Trunk;
        _watch = new CommandWatch(_trunk);
        _engine = new CpsEngine(Topologies.Load("osv-example"), _loop.Time, _watch, new RecordingPbx());
        _watch.Engine = _engine;
        _trunk.Attach(_engine);
    }

    [Fact]
    public void A_caller_leg_the_trunk_cannot_answer_is_released_to_the_engine_only_after_the_answer_returned()
    {
        Start();
        // No SDP offer: the trunk has nothing to answer with and refuses the leg (488).
        var call = _pbx.Invite(SipUri.Sip("+4950505803201", "192.0.2.20"), new SipInviteOptions { From = new NameAddress(SipUri.Sip(Caller, "osv")) });

        Assert.True(_loop.RunUntil(() => call.IsEnded, TimeSpan.FromSeconds(5)));
        Assert.Equal(488, call.FinalStatus);
        var answered = Assert.Single(_watch.Returned, r => r.Command == "answer");
        Assert.Null(answered.Disposition); // the engine had not heard of the refusal when Answer returned
        Assert.Equal(CallPhase.Queued, answered.Phase);
        Assert.True(_loop.RunUntil(() => _engine.Records.SingleOrDefault()?.Disposition is not null, TimeSpan.FromSeconds(1)));
        Assert.Equal(CallDisposition.Abandoned, _engine.Records.Single().Disposition);
        Assert.Equal(0, _trunk.LegCount);
        _engine.CheckInvariants();
    }

    [Fact]
    public void A_dial_with_no_registrar_target_fails_to_the_engine_only_after_the_dial_returned()
    {
        Start(RegistrarTargets.ByDns("osv.example", resolver: null)); // never looked up: no target to dial
        _engine.LogOn(E164Number.Parse(Attendant));
        _pbx.Invite(SipUri.Sip("+4950505803201", "192.0.2.20"), new SipInviteOptions { From = new NameAddress(SipUri.Sip(Caller, "osv")), Sdp = Sdp });

        Assert.True(_loop.RunUntil(() => _trunk.DialsWithoutTarget > 0 && _engine.Attendant(E164Number.Parse(Attendant))!.State == Concierge.Cps.Attendants.AttendantState.Unavailable, TimeSpan.FromSeconds(5)));
        var dialled = _watch.Returned.First(r => r.Command == "dial");
        Assert.Equal(CallPhase.Offered, dialled.Phase); // the engine had not heard of the failure when Dial returned
        Assert.Equal(CallPhase.Queued, _engine.FindCallFrom(Caller)!.Phase);
        _engine.CheckInvariants();
    }

    private static ReadOnlyMemory<byte> Sdp => System.Text.Encoding.ASCII.GetBytes(
        "v=0\r\no=- 1 1 IN IP4 198.51.100.10\r\ns=-\r\nc=IN IP4 198.51.100.10\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0 8\r\na=sendrecv\r\n");

    /// <summary>Passes the engine's commands to the trunk and notes, as each returns, what the engine knows of the call.</summary>
    private sealed class CommandWatch(ICallLegs inner) : ICallLegs
    {
        public CpsEngine? Engine { get; set; }
        public List<(string Command, CallPhase? Phase, CallDisposition? Disposition)> Returned { get; } = new();

        private void Note(string command) =>
            Returned.Add((command, Engine?.FindCallFrom(Caller)?.Phase, Engine?.Records.LastOrDefault()?.Disposition));

        public void Ring(LegId leg) { inner.Ring(leg); Note("ring"); }
        public void Answer(LegId leg, MediaSource media) { inner.Answer(leg, media); Note("answer"); }
        public void Play(LegId leg, MediaSource media) { inner.Play(leg, media); Note("play"); }
        public void Reject(LegId leg, RejectReason reason) { inner.Reject(leg, reason); Note("reject"); }
        public void Forward(LegId leg, E164Number destination) { inner.Forward(leg, destination); Note("forward"); }
        public LegId Dial(E164Number target, E164Number? chargeNumber, string? presentedCaller = null, bool autoAnswer = false)
        {
            var leg = inner.Dial(target, chargeNumber, presentedCaller, autoAnswer);
            Note("dial");
            return leg;
        }
        public void Join(LegId caller, LegId target) { inner.Join(caller, target); Note("join"); }
        public void Bridge(LegId caller, LegId target) { inner.Bridge(caller, target); Note("bridge"); }
        public void ReleaseAndConfirm(LegId leg) { inner.ReleaseAndConfirm(leg); Note("release-confirm"); }
        public void Release(LegId leg) { inner.Release(leg); Note("release"); }
    }
}
