using System.Globalization;
using System.Net;
using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Media;
using Concierge.Runtime.Tracing;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Sdp;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Cps.Trunk;

/// <summary>
/// The CPS's SIP trunk: carries out the engine's <see cref="ICallLegs"/> requests as SIP calls of one user agent,
/// and turns the user agent's call events into engine inputs. Each leg has an RTP port on the media plane where
/// the CPS plays what the engine chose (music, announcements, greetings, tones). What a command of the engine
/// leads to (a leg refused, a join not possible) reaches the engine as a later input on the loop, never from inside
/// the command.
/// </summary>
public sealed class SipTrunk : ICallLegs
{
    private readonly SipUserAgent _ua;
    private readonly SipTrunkOptions _options;
    private readonly IMediaPlane _media;
    private readonly ITrace _trace;
    private readonly RtpPortPool _ports;
    private readonly RegistrarTargets? _registrar;
    private readonly Dictionary<LegId, TrunkLeg> _legs = new();
    private readonly Dictionary<SipCall, TrunkLeg> _byCall = new();
    private readonly List<(LegId Caller, LegId Target)> _joinsAwaitingAck = new();
    private CpsEngine? _engine;
    private long _nextLeg;
    private ulong _nextSdpSession = 1;

    /// <summary>
    /// Creates the trunk over <paramref name="ua"/>; call <see cref="Attach"/> before traffic arrives. New calls go to
    /// <see cref="SipTrunkOptions.Pbx"/>, or, with <paramref name="registrar"/>, to its current target (the one the
    /// CPS is registered at).
    /// </summary>
    public SipTrunk(SipUserAgent ua, SipTrunkOptions options, IMediaPlane media, ITrace? trace = null, RegistrarTargets? registrar = null)
    {
        _ua = ua;
        _options = options;
        _registrar = registrar;
        _media = media;
        _trace = trace ?? NullTrace.Instance;
        _ports = new RtpPortPool(options.RtpStartPort, options.RtpPortCount);
        _ua.IncomingCall += OnIncomingCall;
        _ua.CallRinging += (call, _) => Report(call, leg => _engine!.OnLegRinging(leg.Id));
        _ua.CallAnswered += OnCallAnswered;
        _ua.CallFailed += OnCallFailed;
        _ua.CallEnded += OnCallEnded;
        _ua.ReferProgress += OnReferProgress;
        _ua.CallModified += OnCallModified;
    }

    /// <summary>Most joins that may wait for the ACK of a leg the CPS has just answered.</summary>
    public const int MaxJoinsAwaitingAck = 64;

    /// <summary>The user agent the trunk's calls run on.</summary>
    public SipUserAgent UserAgent => _ua;

    /// <summary>Legs on the trunk now.</summary>
    public int LegCount => _legs.Count;

    /// <summary>RTP ports in use.</summary>
    public int RtpPortsInUse => _ports.InUse;

    /// <summary>Incoming calls refused before reaching the engine (unusable number, no RTP port).</summary>
    public long CallsRefused { get; private set; }

    /// <summary>Outgoing calls that could not be placed because no registrar target is known (DNS found none yet).</summary>
    public long DialsWithoutTarget { get; private set; }

    /// <summary>Where new calls go now: the current registrar target, or the fixed PBX address; null when DNS found no target.</summary>
    public SipEndPoint? NextHop => _registrar is null ? _options.Pbx : _registrar.Current?.EndPoint;

    /// <summary>The SIP Call-ID of the leg whose RTP source is <paramref name="rtp"/>, or null (for logs of what arrives there).</summary>
    public string? CallIdAt(IPEndPoint rtp)
    {
        foreach (var leg in _legs.Values)
            if (rtp.Equals(leg.Rtp)) return leg.Call.CallId;
        return null;
    }

    /// <summary>Connects the engine that decides what happens to calls.</summary>
    public void Attach(CpsEngine engine) => _engine = engine;

    /// <summary>Ends every leg (the CPS stops): calls on it are released.</summary>
    public void ReleaseAll()
    {
        foreach (var leg in _legs.Values.ToList())
        {
            leg.Detached = true;
            EndSip(leg);
            Forget(leg);
        }
    }

    /// <inheritdoc />
    public void Ring(LegId leg)
    {
        if (Find(leg) is { } l) _ua.Ring(l.Call);
    }

    /// <inheritdoc />
    public void Answer(LegId leg, MediaSource media)
    {
        if (Find(leg) is not { } l) return;
        if (!TryCreateAnswer(l, out var sdp, out var negotiated))
        {
            l.Detached = true; // the user agent reports the rejected call at once: not to the engine, which hears it below
            _ua.Reject(l.Call, 488, "Not Acceptable Here");
            Forget(l);
            Later(engine => engine.OnLegReleased(leg));
            return;
        }
        _ua.Answer(l.Call, sdp);
        Connect(l, NegotiatedPeer.Of(negotiated));
        _media.Transmit(l.Rtp!, MediaMapping.ToContent(media));
    }

    /// <inheritdoc />
    public void Play(LegId leg, MediaSource media)
    {
        if (Find(leg) is { Rtp: { } rtp }) _media.Transmit(rtp, MediaMapping.ToContent(media));
    }

    /// <inheritdoc />
    public void Reject(LegId leg, RejectReason reason)
    {
        if (Find(leg) is not { } l) return;
        var (status, phrase) = reason switch
        {
            RejectReason.Busy => (486, "Busy Here"),
            RejectReason.NotFound => (404, "Not Found"),
            RejectReason.ConfigMode => (503, "Service Unavailable (CPS in config mode)"),
            _ => (503, "Service Unavailable"),
        };
        l.Detached = true;
        _ua.Reject(l.Call, status, phrase);
        Forget(l);
    }

    /// <inheritdoc />
    public void Forward(LegId leg, E164Number destination)
    {
        if (Find(leg) is not { } l) return;
        l.Detached = true;
        var target = UriFor(destination);
        if (l.Call.State == SipCallState.Established)
        {
            l.ForwardingByRefer = true;
            if (!_ua.Refer(l.Call, target)) EndSip(l);
            return;
        }
        _ua.Reject(l.Call, 302, "Moved Temporarily", [new(SipHeaderNames.Contact, $"<{target}>")]);
        Forget(l);
    }

    /// <inheritdoc />
    public LegId Dial(E164Number target, E164Number? chargeNumber, string? presentedCaller = null, bool autoAnswer = false)
    {
        var id = new LegId(++_nextLeg);
        if (NextHop is not { } nextHop)
        {
            // Nowhere to send it: the leg fails as a call the PBX refused would, after the engine has recorded it.
            DialsWithoutTarget++;
            Trace($"{id} dial {target} failed: no registrar target known ({_registrar?.Problem ?? "not looked up yet"})");
            Later(engine => engine.OnLegFailed(id, 503));
            return id;
        }
        var port = _ports.TryTake();
        var rtp = port is { } p ? new IPEndPoint(_options.MediaAddress, p) : null;
        var offerDescription = rtp is null ? null : SdpOfferAnswer.CreateOffer(LocalMedia(rtp), _nextSdpSession++, 1);
        var offer = offerDescription is null ? default : (ReadOnlyMemory<byte>)offerDescription.ToBytes();
        var headers = new List<KeyValuePair<string, string>>();
        if (autoAnswer) headers.Add(new("Call-Info", $"<sip:{_options.PbxDomain}>;answer-after=0"));
        if (chargeNumber is { } charge) headers.Add(new(SipHeaderNames.XSiemensCDR, SiemensCdr.ForChargeNumber(charge.ToString()).ToString()));
        var from = presentedCaller is null ? null : new NameAddress(SipUri.Sip(presentedCaller, _options.PbxDomain));
        var call = _ua.Invite(UriFor(target), new SipInviteOptions { Sdp = offer, Headers = headers, Destination = nextHop, From = from });
        var leg = new TrunkLeg(id, call, rtp) { Offer = offerDescription };
        _legs[id] = leg;
        _byCall[call] = leg;
        if (rtp is not null) _media.Transmit(rtp, MediaContent.Silence);
        Trace($"{id} dial {target} charge {chargeNumber?.ToString() ?? "-"} ({call.CallId})");
        return id;
    }

    /// <inheritdoc />
    public void Join(LegId caller, LegId target)
    {
        if (Find(caller) is not { } a || Find(target) is not { } b) return;
        if (a.Call.State == SipCallState.Answering || b.Call.State == SipCallState.Answering)
        {
            // A REFER with Replaces names a dialog the PBX must already hold as confirmed; our 200 for a leg we have
            // just answered may still be on its way (or lost and sent again), so the join waits for that leg's ACK.
            if (_joinsAwaitingAck.Count >= MaxJoinsAwaitingAck)
            {
                Trace($"join {caller} with {target} not possible: {_joinsAwaitingAck.Count} joins already wait for an ACK");
                Later(engine => engine.OnLegFailed(target, 500));
                return;
            }
            _joinsAwaitingAck.Add((caller, target));
            Trace($"join {caller} with {target} waits for the ACK of the answered leg");
            return;
        }
        if (b.Call.RemoteParty?.Uri is not { } partyUri)
        {
            Trace($"join {caller} with {target} not possible: {target} has no remote party");
            Later(engine => engine.OnLegFailed(target, 500));
            return;
        }
        a.JoinPartner = target;
        Trace($"join {caller} with {target}: REFER with Replaces");
        if (!_ua.Refer(a.Call, partyUri, b.Call))
        {
            a.JoinPartner = null;
            Trace($"join {caller} with {target} not possible: {a.Call.State}/{b.Call.State}");
            Later(engine => engine.OnLegFailed(target, 500));
        }
    }

    /// <inheritdoc />
    public void Bridge(LegId caller, LegId target)
    {
        if (Find(caller) is not { Rtp: { } a } callerLeg || Find(target) is not { Rtp: { } b } targetLeg) return;
        var callerParty = SdpAudioEndPoint.Of(callerLeg.Call.RemoteSdp);
        var targetParty = SdpAudioEndPoint.Of(targetLeg.Call.RemoteSdp);
        if (callerParty is null || targetParty is null)
        {
            Trace($"bridge {caller} with {target} not possible: no audio address in {(callerParty is null ? caller : target)}'s SDP");
            Later(engine => engine.OnLegFailed(target, 488));
            return;
        }
        Trace($"bridge {caller} with {target} on the CPS");
        _media.Relay(a, targetParty);
        _media.Relay(b, callerParty);
    }

    /// <inheritdoc />
    public void ReleaseAndConfirm(LegId leg)
    {
        if (Find(leg) is not { } l)
        {
            Later(engine => engine.OnLegCleared(leg));
            return;
        }
        l.Detached = true;
        var call = l.Call;
        Forget(l);
        if (call.IsEnded || call.State is not SipCallState.Established)
        {
            EndSip(l);
            Later(engine => engine.OnLegCleared(leg));
            return;
        }
        _ua.Bye(call, _ => Later(engine => engine.OnLegCleared(leg)));
    }

    /// <inheritdoc />
    public void Release(LegId leg)
    {
        if (Find(leg) is not { } l) return;
        l.Detached = true;
        EndSip(l);
        Forget(l);
    }

    private void OnIncomingCall(SipCall call)
    {
        var id = new LegId(++_nextLeg);
        var requestUser = call.Invite.RequestUri?.User;
        var called = UserPartNumber.Of(requestUser);
        var caller = call.Invite.From?.Uri.User ?? call.Invite.From?.Uri.ToString() ?? "anonymous";
        if (called is null || _engine is null)
        {
            CallsRefused++;
            _ua.Reject(call, 404, "Not Found");
            return;
        }
        var port = _ports.TryTake();
        if (port is null)
        {
            CallsRefused++;
            _ua.Reject(call, 503, "No RTP Port");
            return;
        }
        var leg = new TrunkLeg(id, call, new IPEndPoint(_options.MediaAddress, port.Value));
        _legs[id] = leg;
        _byCall[call] = leg;
        var diverted = DivertedCall.Of(call.Invite);
        var type = diverted.WasDiverted ? CallType.Intercept : CallType.Standard;
        Trace($"{id} incoming to {called} from {caller} ({call.CallId})");
        _engine.OnIncomingLeg(id, called.Value, caller, type, diverted.MeantFor);
    }

    private void OnCallAnswered(SipCall call)
    {
        if (!call.IsOutgoing)
        {
            JoinWhatAwaitedAnAck();
            return;
        }
        if (!_byCall.TryGetValue(call, out var leg)) return;
        if (leg.Detached)
        {
            EndSip(leg);
            Forget(leg);
            return;
        }
        if (leg.Offer is { } offer && SdpSessionDescription.TryParse(call.RemoteSdp.Span, out var answer, out _) && answer is not null
            && SdpOfferAnswer.TryReadAnswer(offer, answer, out var negotiated, out _))
            Connect(leg, NegotiatedPeer.Of(negotiated));
        _engine?.OnLegAnswered(leg.Id);
    }

    private void OnCallFailed(SipCall call, int status, string reason)
    {
        if (!_byCall.TryGetValue(call, out var leg)) return;
        Forget(leg);
        if (!leg.Detached) _engine?.OnLegFailed(leg.Id, status);
    }

    private void OnCallEnded(SipCall call, SipCallEndReason reason)
    {
        if (!_byCall.TryGetValue(call, out var leg)) return;
        // The PBX ends both legs of a join once it has connected the parties; on a lossy network its BYE can overtake
        // the 202 and NOTIFY that report the join. Once the PBX has accepted the REFER, a leg that ends means the join
        // succeeded; before that, the REFER's outcome decides (it always ends: 2xx, an error, or 408 without answer).
        var joining = leg.JoinPartner is not null ? leg : _legs.Values.FirstOrDefault(l => l.JoinPartner == leg.Id);
        if (joining == leg && reason == SipCallEndReason.RemoteBye && !leg.Detached && !leg.ReferAccepted)
        {
            // The caller's leg ended before the PBX accepted the REFER that joins it: a caller hanging up looks just
            // like a join whose 202 and NOTIFY were lost, so the REFER's own outcome decides (it always ends).
            leg.EndedBeforeReferOutcome = true;
            Trace($"{leg.Id} ended while its join REFER is unanswered: its outcome decides");
            return;
        }
        if (joining is not null && joining != leg && !joining.ReferAccepted && !joining.ReferAcceptedAfterEnd
            && reason == SipCallEndReason.RemoteBye && !leg.Detached)
        {
            // The join partner ended and the PBX has not yet accepted the REFER: it joined the legs (its 202 and NOTIFY
            // lost), or the attendant hung up, or it cleared both (an endpoint out of service, swarm seed 135): the
            // REFER's outcome decides.
            joining.PartnerEndedBeforeReferOutcome = true;
            Trace($"{leg.Id} ended while the join REFER of {joining.Id} is unanswered: its outcome decides");
            return;
        }
        if (joining is not null && reason == SipCallEndReason.RemoteBye && !leg.Detached)
        {
            CompleteJoin(joining);
            Forget(leg);
            if (joining.EndedBeforeReferOutcome) Forget(joining);
            return;
        }
        Forget(leg);
        if (leg.Detached) return;
        if (call.IsOutgoing && call.State != SipCallState.Established && reason is SipCallEndReason.Rejected or SipCallEndReason.Failed)
            _engine?.OnLegFailed(leg.Id, call.FinalStatus == 0 ? 500 : call.FinalStatus);
        else
            _engine?.OnLegReleased(leg.Id);
    }

    private void OnReferProgress(SipCall call, int status)
    {
        if (!_byCall.TryGetValue(call, out var leg)) return;
        if (leg.ForwardingByRefer)
        {
            if (status >= 200 && status != 202) { EndSip(leg); Forget(leg); }
            return;
        }
        if (leg.JoinPartner is not { } partner) return;
        if (status < 200 || status == 202)
        {
            // 202, or a NOTIFY (whose 1xx the PBX sends only for a REFER it accepted).
            if (!leg.EndedBeforeReferOutcome) leg.ReferAccepted = true;
            else if (status == 202) leg.ReferAcceptedAfterEnd = true;
            // The partner's leg has ended and the PBX accepted the REFER: it joined them.
            if (!leg.PartnerEndedBeforeReferOutcome || status != 202) return;
        }
        var partnerEnded = leg.PartnerEndedBeforeReferOutcome ? Find(partner) : null;
        if (leg.EndedBeforeReferOutcome)
        {
            Forget(leg);
            if (status < 300)
            {
                CompleteJoin(leg);
                if (partnerEnded is not null) Forget(partnerEnded);
                return;
            }
            leg.JoinPartner = null;
            if (partnerEnded is not null)
            {
                // The PBX cleared both legs without joining them: the caller's leg is released, and the engine
                // releases its partner with it.
                Forget(partnerEnded);
                Trace($"join of {leg.Id} with {partner} failed ({status}) after the PBX ended both legs");
                _engine?.OnLegReleased(leg.Id);
                return;
            }
            Trace($"join of {leg.Id} with {partner} failed ({status}) after the PBX ended {leg.Id}: the caller hung up");
            _engine?.OnLegReleased(leg.Id);
            return;
        }
        if (status >= 300)
        {
            leg.JoinPartner = null;
            if (partnerEnded is not null) Forget(partnerEnded);
            Trace($"join of {leg.Id} with {partner} failed: {status}");
            _engine?.OnLegFailed(partner, status);
            return;
        }
        CompleteJoin(leg);
        if (partnerEnded is not null) Forget(partnerEnded);
    }

    /// <summary>Joins whose answered legs are confirmed now (or gone: the engine hears of those as released legs).</summary>
    private void JoinWhatAwaitedAnAck()
    {
        for (var i = _joinsAwaitingAck.Count - 1; i >= 0; i--)
        {
            var (caller, target) = _joinsAwaitingAck[i];
            if (Find(caller) is { } a && Find(target) is { } b && (a.Call.State == SipCallState.Answering || b.Call.State == SipCallState.Answering)) continue;
            _joinsAwaitingAck.RemoveAt(i);
            Join(caller, target);
        }
    }

    /// <summary>The PBX connected the far parties; both CPS legs leave the CPS (the PBX ends them with BYE).</summary>
    private void CompleteJoin(TrunkLeg leg)
    {
        if (leg.JoinPartner is not { } partner) return;
        leg.JoinPartner = null;
        leg.Detached = true;
        if (_legs.TryGetValue(partner, out var other)) other.Detached = true;
        StopMedia(leg);
        if (other is not null) StopMedia(other);
        _engine?.OnLegsJoined(leg.Id, partner);
    }

    /// <summary>The far end changed the session (hold, resume, a new address): the leg's RTP follows.</summary>
    private void OnCallModified(SipCall call)
    {
        if (_byCall.TryGetValue(call, out var leg) && leg.Peer is { } peer)
            Connect(leg, NegotiatedPeer.Modified(peer, call.RemoteSdp, call.IsHeldRemotely));
    }

    private void Connect(TrunkLeg leg, MediaPeer? peer)
    {
        if (leg.Rtp is not { } rtp || peer is null) return;
        leg.Peer = peer;
        _media.Connect(rtp, peer);
    }

    private bool TryCreateAnswer(TrunkLeg leg, out ReadOnlyMemory<byte> sdp, out SdpNegotiatedAudio? negotiated)
    {
        sdp = default;
        negotiated = null;
        if (leg.Rtp is null || !SdpSessionDescription.TryParse(leg.Call.RemoteSdp.Span, out var offer, out _) || offer is null) return false;
        if (!SdpOfferAnswer.TryCreateAnswer(offer, LocalMedia(leg.Rtp), _nextSdpSession++, 1, out var answer, out negotiated, out _) || answer is null) return false;
        sdp = answer.ToBytes();
        return true;
    }

    private SdpLocalMedia LocalMedia(IPEndPoint rtp) =>
        new(rtp.Address.ToString(), rtp.Port, SdpLocalMedia.G711WithDtmf) { UserName = "cps" };

    private void EndSip(TrunkLeg leg)
    {
        var call = leg.Call;
        if (call.IsEnded) return;
        if (call.IsOutgoing && call.State is SipCallState.Calling or SipCallState.Ringing) _ua.Cancel(call);
        else if (!call.IsOutgoing && call.State is SipCallState.Calling or SipCallState.Ringing) _ua.Reject(call, 480, "Temporarily Unavailable");
        else _ua.Hangup(call);
    }

    private void Forget(TrunkLeg leg)
    {
        _joinsAwaitingAck.RemoveAll(j => j.Caller == leg.Id || j.Target == leg.Id);
        StopMedia(leg);
        _legs.Remove(leg.Id);
        _byCall.Remove(leg.Call);
    }

    private void StopMedia(TrunkLeg leg)
    {
        if (leg.Rtp is not { } rtp) return;
        _media.Stop(rtp);
        _ports.Return(rtp.Port);
        leg.Rtp = null;
    }

    /// <summary>Hands the engine the outcome of one of its commands on a later turn of the loop, once the command has returned.</summary>
    private void Later(Action<CpsEngine> input) => _ua.Stack.Loop.Post(() =>
    {
        if (_engine is { } engine) input(engine);
    });

    private TrunkLeg? Find(LegId id) => _legs.GetValueOrDefault(id);

    private void Report(SipCall call, Action<TrunkLeg> report)
    {
        if (_engine is not null && _byCall.TryGetValue(call, out var leg) && !leg.Detached) report(leg);
    }

    private SipUri UriFor(E164Number number) => SipUri.Sip(number.ToString(), _options.PbxDomain);


    private void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record("cps.sip", text);
    }
}
