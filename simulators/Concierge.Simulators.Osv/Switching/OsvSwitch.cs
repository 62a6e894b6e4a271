using System.Net;
using System.Text.RegularExpressions;
using Concierge.Csta.Messages;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Tracing;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Simulators.Osv.Csta;
using Concierge.Simulators.Osv.Devices;
using Concierge.Simulators.Osv.Registration;
using Concierge.Simulators.Osv.Routing;
using Concierge.Sip.Headers;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Registration;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Osv.Switching;

/// <summary>
/// The OSV's call switching: a back-to-back user agent that routes every incoming call with the numbering plans,
/// falls back from an unreachable CPS endpoint to the business group plan, runs hunt groups and subscriber
/// forwarding, and carries out REFER/Replaces joins, 302 redirects and the CSTA third-party operations.
/// </summary>
public sealed partial class OsvSwitch
{
    private const int MaxDiversions = 5;
    /// <summary>Ended calls are forgotten once this many calls are remembered (active calls are always kept).</summary>
    private const int MaxRememberedCalls = 512;
    private readonly OsvConfig _config;
    private readonly ICallRouting _router;
    private readonly string _name;
    private readonly SipRegistrar _registrar;
    private readonly CallEventReporter _events;
    private readonly ITrace _trace;
    private readonly Dictionary<string, SubscriberDevice> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HuntGroup> _huntGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<SipCall, SubscriberDevice> _deviceLegs = [];
    private readonly Dictionary<SipCall, string> _endpointLegs = [];
    private readonly Dictionary<string, int> _endpointChannels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _channelsSet = new(StringComparer.Ordinal);
    private readonly List<SwitchCall> _calls = [];
    private readonly HashSet<string> _fellBackCallers = new(StringComparer.Ordinal);
    private int _nextCallId;

    internal OsvSwitch(OsvConfig config, IReadOnlyList<SwitchNode> nodes, SipRegistrar registrar, CallEventReporter events, ITrace trace, SwitchOptions? options = null)
    {
        options ??= SwitchOptions.Osv;
        _config = config;
        _name = options.Name;
        Nodes = nodes;
        Agent = nodes[0].Agent;
        _registrar = registrar;
        _events = events;
        _trace = trace;
        _router = options.Routing?.Invoke(config) ?? new NumberRouter(config);
        var phoneHost = config.Network.Hosts.GetValueOrDefault("phones");
        var index = 0;
        foreach (var subscriber in PhoneOrder(config))
        {
            IPEndPoint? phone = subscriber.ProfileOnly || phoneHost is null ? null : new IPEndPoint(phoneHost, config.Network.PhonePortBase + index);
            if (!subscriber.ProfileOnly) index++;
            _devices[subscriber.Number] = new SubscriberDevice(subscriber, phone);
        }
        foreach (var hg in config.HuntGroups)
            _huntGroups[hg.Number] = new HuntGroup(hg) { MusicOnHold = config.MusicOnHoldHuntGroups?.Contains(hg.Number) == true };
        foreach (var node in nodes)
        {
            Follow(node.Agent);
            node.Agent.HandleRequests(SipMethod.Register, received => OnRegister(node, received));
        }
    }

    /// <summary>The switch handles the calls of <paramref name="ua"/>: a node's agent, or the public trunk's.</summary>
    private void Follow(SipUserAgent ua)
    {
        ua.IncomingCall += OnIncomingCall;
        ua.CallTrying += OnTrying;
        ua.CallRinging += OnRinging;
        ua.CallAnswered += OnAnswered;
        ua.CallFailed += OnFailed;
        ua.CallEnded += OnEnded;
        ua.CallModified += OnRemoteSdpChanged;
        ua.ScreenRefer = ScreenRefer;
        ua.ReferReceived += OnRefer;
    }

    /// <summary>The switch's SIP user agent on its first node.</summary>
    public SipUserAgent Agent { get; }

    private IEventLoop Loop => Agent.Stack.Loop;

    /// <summary>The signalling nodes, first = primary.</summary>
    public IReadOnlyList<SwitchNode> Nodes { get; }

    /// <summary>The agent to send new calls from: <paramref name="preferred"/> node when up, else the first node that is up.</summary>
    internal SipUserAgent ActiveAgent(string? preferred = null) =>
        (Nodes.FirstOrDefault(n => n.Name == preferred && n.IsUp()) ?? Nodes.FirstOrDefault(n => n.IsUp()) ?? Nodes[0]).Agent;

    /// <summary>The routing (numbering plans, or LCR).</summary>
    public ICallRouting Router => _router;

    /// <summary>Channels of a SIP endpoint (trunk) in use now: calls to it and from it.</summary>
    public int ChannelsInUse(string endpoint) => _endpointChannels.GetValueOrDefault(endpoint);

    /// <summary>The channels a SIP endpoint has (null: unlimited), as configured or as administered since.</summary>
    public int? EndpointChannels(string endpoint) =>
        _channelsSet.TryGetValue(endpoint, out var set) ? set : _config.Endpoints.TryGetValue(endpoint, out var e) ? e.Channels : null;

    /// <summary>Administers the channels of a SIP endpoint (calls in progress keep theirs).</summary>
    public void SetEndpointChannels(string endpoint, int channels)
    {
        if (!_config.Endpoints.ContainsKey(endpoint)) throw new ArgumentException($"\"{endpoint}\" is not an endpoint", nameof(endpoint));
        _channelsSet[endpoint] = channels;
        Trace($"endpoint {endpoint}: {channels} channels");
    }

    /// <summary>Calls a SIP endpoint offered beyond its channels, refused with 503.</summary>
    public int RefusedForChannels { get; private set; }

    /// <summary>The active calls and the most recent ended ones, oldest first.</summary>
    public IReadOnlyList<SwitchCall> Calls => _calls;

    /// <summary>True when a call from <paramref name="callingNumber"/> ever fell back to the local numbering plan.</summary>
    public bool FellBackFor(string callingNumber) => _fellBackCallers.Contains(callingNumber);

    /// <summary>Subscribers' live state by number.</summary>
    public IReadOnlyDictionary<string, SubscriberDevice> Devices => _devices;

    /// <summary>Hunt groups' live state by pilot number.</summary>
    public IReadOnlyDictionary<string, HuntGroup> HuntGroups => _huntGroups;

    /// <summary>How long a ringing subscriber with CFNR rings before the call is forwarded.</summary>
    public TimeSpan NoReplyForwardingDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A hunt-group member that rings this long without answering is skipped for the next one; null rings until answered.</summary>
    public TimeSpan? HuntGroupNoAnswerAdvance { get; set; }

    /// <summary>Subscribers with a phone, in phone port order: attendants first, then the others, each in file order.</summary>
    public static IEnumerable<SubscriberConfig> PhoneOrder(OsvConfig config) =>
        config.Subscribers.Where(s => !s.ProfileOnly).OrderBy(s => s.Role == "attendant" ? 0 : 1);

    /// <summary>The subscriber device for a number given with or without '+', or by alias.</summary>
    public SubscriberDevice? Device(string numberOrAlias)
    {
        if (_devices.TryGetValue(numberOrAlias, out var d)) return d;
        if (_devices.TryGetValue("+" + numberOrAlias, out d)) return d;
        return _devices.Values.FirstOrDefault(x => x.Config.Alias == numberOrAlias);
    }

    /// <summary>True when CSTA may monitor <paramref name="device"/> (a subscriber or hunt group pilot).</summary>
    public bool IsKnownDevice(string device) =>
        Device(device) is not null || _huntGroups.ContainsKey(device) || _huntGroups.ContainsKey("+" + device);

    private void OnRegister(SwitchNode node, SipRequestReceived received)
    {
        if (received.Transaction is not { } tx) return;
        var request = received.Request;
        if (SubscriberRegistration(node, received) is { } phoneAnswer)
        {
            node.Agent.Stack.SendResponse(tx, phoneAnswer);
            Trace($"REGISTER phone {request.To?.Uri.User} at {node.Name} → {phoneAnswer.StatusCode}");
            return;
        }
        var response = _registrar.Answer(request, received.Source, node.Agent.Stack, node.Name);
        if (response.To is { Tag: null } to) response.To = to.WithTag(node.Agent.Stack.NewTag());
        node.Agent.Stack.SendResponse(tx, response);
        Trace($"REGISTER {request.To?.Uri.User} at {node.Name} → {response.StatusCode}");
    }

    private void OnIncomingCall(SipCall a)
    {
        var request = a.Invite;
        var dialed = request.RequestUri.User ?? "";
        var from = request.From?.Uri.User ?? "anonymous";
        var sourceEndPoint = a.Owner.PeerOf(a)?.Address ?? new IPEndPoint(IPAddress.None, 0);
        var source = sourceEndPoint.Address;
        string? aDevice = null;
        string? bg;
        string? charge = null;
        string? fromGateway = null;
        var onTrunk = PublicTrunk is not null && a.Owner == PublicTrunk.Agent;
        var endpoint = onTrunk ? null : EndpointAddresses.EndpointAt(_config, _registrar, sourceEndPoint, PeersShareOneAddress);
        if (endpoint is not null)
        {
            charge = ChargeNumber(request.Headers.GetFirst("X-Siemens-CDR"));
            bg = _router.BusinessGroupOf(charge) ?? BusinessGroupOfEndpoint(endpoint);
        }
        else if ((onTrunk ? _config.Endpoints.GetValueOrDefault(PublicTrunk!.Endpoint) : StaticEndpointAt(sourceEndPoint)) is { } gateway)
        {
            bg = BusinessGroupOfEndpoint(gateway.Name);
            fromGateway = gateway.Name;
        }
        else
        {
            var device = Device(from);
            aDevice = device?.Number;
            bg = device?.Config.BusinessGroup ?? _router.BusinessGroupOf(null);
        }
        var calling = from.StartsWith('+') || aDevice is null ? from : aDevice;
        if (aDevice is not null) calling = aDevice;
        if (endpoint is not null && EndpointChannels(endpoint) is { } channels && ChannelsInUse(endpoint) >= channels)
        {
            RefusedForChannels++;
            Trace($"in from {endpoint} ({source}) to {dialed}: all {channels} channels busy → 503");
            a.Owner.Reject(a, 503);
            return;
        }
        var digits = _router.Normalize(dialed, bg);
        var call = NewCall(calling, "+" + digits, a, aDevice, bg);
        if ((endpoint ?? fromGateway) is { } trunk) Seize(a, trunk);
        call.ChargeNumber = charge;
        call.FromEndpoint = endpoint;
        call.ArrivedOn = endpoint ?? fromGateway;
        call.PresentationRestricted = request.Headers.GetFirst("Privacy") is { } privacy && privacy.Contains("id", StringComparison.OrdinalIgnoreCase);
        Trace($"{call.CstaCallId} in from {calling} ({source}) to {dialed}{(charge is null ? "" : " charge " + charge)}");
        RouteNumber(call, digits);
    }

    private SwitchCall NewCall(string calling, string dialed, SipCall a, string? aDevice, string? bg)
    {
        var call = new SwitchCall(++_nextCallId, calling, dialed, a, aDevice, bg);
        if (_calls.Count >= MaxRememberedCalls) _calls.RemoveAll(c => c.IsOver);
        _calls.Add(call);
        Attach(call, a);
        if (aDevice is not null && Device(aDevice) is { } d) Occupy(a, d);
        return call;
    }

    /// <summary>Routes <paramref name="digits"/> for the call's B side.</summary>
    internal void RouteNumber(SwitchCall call, string digits)
    {
        var target = _router.Route(digits);
        Offer(call, target);
    }

    private void Offer(SwitchCall call, RouteTarget target)
    {
        switch (target)
        {
            case DestinationTarget destination:
                TryRoute(call, destination, 0);
                break;
            case SubscriberTarget subscriber:
                OfferToSubscriber(call, _devices[subscriber.Subscriber.Number]);
                break;
            case HuntGroupTarget huntGroup:
                OfferToHuntGroup(call, _huntGroups[huntGroup.HuntGroup.Number]);
                break;
            case NoRoute { Status: 404 } unassigned when InvalidDestinationFor(call) is { } invalid && call.Diversions < MaxDiversions:
                // Call Forward Invalid Destination of the endpoint profile the call came in on (C 4.4.4 note).
                call.Diversions++;
                call.AddRoute("CFID " + invalid);
                Trace($"{call.CstaCallId} no route for {unassigned.Digits}: call forward invalid destination to {invalid}");
                RouteNumber(call, _router.Normalize(invalid, call.BusinessGroup));
                break;
            case FeatureTarget feature:
                RunFeature(call, feature);
                break;
            case NoRoute none:
                Trace($"{call.CstaCallId} no route for {none.Digits}: {none.Why}");
                FailCall(call, none.Status);
                break;
        }
    }

    private void TryRoute(SwitchCall call, DestinationTarget destination, int routeIndex)
    {
        if (routeIndex >= destination.Destination.RouteEndpoints.Count)
        {
            if (destination.Destination.FallbackToLocalNumberingPlan)
            {
                call.FellBack = true;
                _fellBackCallers.Add(call.CallingNumber);
                var fallback = _router.RouteInBusinessGroup(destination.Digits, call.BusinessGroup);
                Trace($"{call.CstaCallId} {destination.Destination.Name} failed: fallback to {fallback}");
                Offer(call, fallback);
            }
            else
            {
                Trace($"{call.CstaCallId} {destination.Destination.Name} failed: no fallback");
                FailCall(call, 503);
            }
            return;
        }
        var endpointName = destination.Destination.RouteEndpoints[routeIndex];
        var endpoint = _config.Endpoints[endpointName];
        call.AddRoute(endpointName);
        var registration = endpoint.Dynamic ? _registrar.Current(endpointName) : null;
        IPEndPoint? address = endpoint.Dynamic
            ? registration?.ContactEndPoint()
            : HostAddress(endpoint.AddressHost) is { } ip ? new IPEndPoint(ip, endpoint.Port) : null;
        if (address is null)
        {
            Trace($"{call.CstaCallId} endpoint {endpointName} not registered");
            TryRoute(call, destination, routeIndex + 1);
            return;
        }
        if (EndpointChannels(endpointName) is { } channels && ChannelsInUse(endpointName) >= channels)
        {
            Trace($"{call.CstaCallId} endpoint {endpointName}: all {channels} channels busy");
            TryRoute(call, destination, routeIndex + 1);
            return;
        }
        var number = "+" + destination.Digits;
        var b = SendInvite(call, number, address, endpointName, device: null, headers: DiversionHeaders(call), node: registration?.Node);
        Seize(b, endpointName);
        call.Supervision = Loop.ScheduleAfter(endpoint.OutgoingCallSupervisionTimer, () =>
        {
            if (call.B != b || b.State != SipCallState.Calling) return;
            Trace($"{call.CstaCallId} endpoint {endpointName}: no answer within {endpoint.OutgoingCallSupervisionTimer}");
            Detach(b);
            b.Owner.Hangup(b);
            TryRoute(call, destination, routeIndex + 1);
        });
        call.OnBFailed = (status, response) =>
        {
            if (status is 301 or 302 && response?.Contact?.Uri.User is { } redirect)
            {
                Trace($"{call.CstaCallId} redirected by {endpointName} to {redirect}");
                call.AddRoute("302 " + redirect);
                RouteNumber(call, _router.Normalize(redirect, call.BusinessGroup));
            }
            else if (status is 408 or 503 or 500) TryRoute(call, destination, routeIndex + 1);
            else FailCall(call, status);
        };
    }

    /// <summary>Diversion headers (RFC 5806), most recent first, for a call an endpoint gets after subscribers forwarded it.</summary>
    private IReadOnlyList<KeyValuePair<string, string>>? DiversionHeaders(SwitchCall call)
    {
        if (call.DiversionHistory.Count == 0) return null;
        var host = Agent.LocalEndPoint().Address.ToString();
        var headers = new List<KeyValuePair<string, string>>(call.DiversionHistory.Count);
        for (var i = call.DiversionHistory.Count - 1; i >= 0; i--)
        {
            var diversion = call.DiversionHistory[i];
            headers.Add(new(SipHeaderNames.Diversion, SipDiversion.Create(SipUri.Sip(diversion.From, host), diversion.SipReason).ToString()));
        }
        return headers;
    }

    private SipCall SendInvite(SwitchCall call, string number, IPEndPoint address, string target, string? device,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, string? fromNumber = null, ReadOnlyMemory<byte>? sdp = null, string? node = null)
    {
        var agent = ActiveAgent(node);
        var host = agent.LocalEndPoint().Address.ToString();
        var from = fromNumber ?? call.CallingNumber;
        var displayName = call.A.RemoteParty?.DisplayName;
        var b = agent.Invite(SipUri.Sip(number, address.Address.ToString(), address.Port), new SipInviteOptions
        {
            From = new NameAddress(SipUri.Sip(from, host), displayName),
            To = new NameAddress(SipUri.Sip(number, host)),
            Sdp = sdp ?? call.A.RemoteSdp,
            Headers = headers ?? [],
            Destination = SipEndPoint.Udp(address.Address, address.Port),
        });
        call.B = b;
        call.BDevice = device;
        call.BTarget = target;
        Attach(call, b);
        if (device is not null && Device(device) is { } d) Occupy(b, d);
        return b;
    }

    private static void Attach(SwitchCall call, SipCall leg) => leg.UserState = call;

    private void Detach(SipCall leg)
    {
        leg.UserState = null;
        Release(leg);
    }

    private static SwitchCall? Owner(SipCall leg) => leg.UserState as SwitchCall;

    /// <summary>True once a call is answered (our 2xx sent or the peer's received) and not over.</summary>
    internal static bool IsUp(SipCall leg) => leg.State is SipCallState.Established or SipCallState.Answering;

    private static void Hangup(SipCall leg) => leg.Owner.Hangup(leg);

    private static void Reoffer(SipCall leg, ReadOnlyMemory<byte> sdp) => leg.Owner.Reoffer(leg, sdp);

    private static void RingIfNew(SipCall leg)
    {
        if (!leg.IsOutgoing && leg.State == SipCallState.Calling) leg.Owner.Ring(leg);
    }

    private void OnTrying(SipCall leg, int status)
    {
        if (Owner(leg) is { } call && call.B == leg) call.Supervision?.Dispose();
    }

    private void OnRinging(SipCall leg, int status)
    {
        if (Owner(leg) is not { } call || call.B != leg) return;
        RingIfNew(call.A);
        if (call.BDevice is { } device) _events.Delivered(call, device);
    }

    private void OnAnswered(SipCall leg)
    {
        if (Owner(leg) is not { } call) return;
        if (call.B == leg)
        {
            call.CancelTimers();
            call.Connected = true;
            StopMusic(call);
            if (IsUp(call.A)) Reoffer(call.A, leg.RemoteSdp);
            else if (!call.A.IsOutgoing) call.A.Owner.Answer(call.A, leg.RemoteSdp);
            if (call.BDevice is { } device) _events.Established(call, device);
            var then = call.OnBAnswered;
            call.OnBAnswered = null;
            then?.Invoke();
        }
        else if (call.A == leg && call.OnAAnswered is { } next)
        {
            call.OnAAnswered = null;
            next();
        }
    }

    private void OnFailed(SipCall leg, int status, string reason)
    {
        Release(leg);
        if (Owner(leg) is { } made && made.A == leg)
        {
            made.IsOver = true; // the device of a MakeCall did not answer
            return;
        }
        if (Owner(leg) is not { } call || call.B != leg) return;
        call.CancelTimers();
        call.B = null;
        call.BDevice = null;
        var handler = call.OnBFailed;
        call.OnBFailed = null;
        if (handler is not null) handler(status, leg.FailureResponse);
        else FailCall(call, status);
    }

    private void OnEnded(SipCall leg, SipCallEndReason reason)
    {
        if (reason == SipCallEndReason.Failed) return; // OnFailed handled it
        Release(leg);
        if (Owner(leg) is not { } call) return;
        leg.UserState = null;
        var other = call.Other(leg);
        var device = call.DeviceOf(leg);
        var otherDevice = other is null ? null : call.DeviceOf(other);
        call.CancelTimers();
        StopMusic(call);
        if (call.Queued && call.HuntGroup is { } hg) hg.Remove(call);
        call.Queued = false;
        call.IsOver = true;
        if (other is not null)
        {
            other.UserState = null;
            Hangup(other);
            Release(other);
        }
        // The releasing party's connection is cleared for everyone watching; then the remaining device's own connection.
        _events.Cleared(call, PartyNumber(call, leg), otherDevice);
        if (otherDevice is not null) _events.Cleared(call, otherDevice, null);
        Trace($"{call.CstaCallId} ended by {(leg == call.A ? "A" : "B")} ({reason})");
    }

    private void OnRemoteSdpChanged(SipCall leg)
    {
        if (Owner(leg) is not { } call || call.Other(leg) is not { } other || !IsUp(other)) return;
        Reoffer(other, leg.RemoteSdp);
    }

    private void FailCall(SwitchCall call, int status)
    {
        call.CancelTimers();
        StopMusic(call);
        call.FailureStatus = status;
        call.IsOver = true;
        if (call.Queued && call.HuntGroup is { } hg) hg.Remove(call);
        var a = call.A;
        a.UserState = null;
        if (a.IsOutgoing || IsUp(a)) Hangup(a);
        else a.Owner.Reject(a, status);
        Release(a);
        if (call.ADevice is { } device) _events.Failed(call, device, status == 486 ? EventCause.Busy : EventCause.DestinationNotObtainable);
        Trace($"{call.CstaCallId} failed {status}");
    }

    private void Occupy(SipCall leg, SubscriberDevice device)
    {
        if (_deviceLegs.TryAdd(leg, device)) device.ActiveCalls++;
    }

    private void Seize(SipCall leg, string endpoint)
    {
        if (_endpointLegs.TryAdd(leg, endpoint)) _endpointChannels[endpoint] = ChannelsInUse(endpoint) + 1;
    }

    private void Release(SipCall leg)
    {
        if (_endpointLegs.Remove(leg, out var endpoint)) _endpointChannels[endpoint] = Math.Max(0, ChannelsInUse(endpoint) - 1);
        if (!_deviceLegs.Remove(leg, out var device)) return;
        device.ActiveCalls = Math.Max(0, device.ActiveCalls - 1);
        if (device.ActiveCalls == 0)
        {
            device.IdleSince = Loop.Now();
            Loop.Post(ServeQueues);
        }
    }

    private static string PartyNumber(SwitchCall call, SipCall leg) =>
        call.DeviceOf(leg) ?? (leg == call.A ? call.CallingNumber : leg.RemoteParty?.Uri.User ?? call.DialedNumber);

    private string? InvalidDestinationFor(SwitchCall call) =>
        call.ArrivedOn is { } endpoint && _config.Endpoints.TryGetValue(endpoint, out var e) && e.Profile is not null
        && _config.EndpointProfiles.TryGetValue(e.Profile, out var profile) ? profile.CallForwardInvalidDestination : null;

    private string? BusinessGroupOfEndpoint(string endpoint) =>
        _config.Endpoints.TryGetValue(endpoint, out var e) && e.Profile is not null && _config.EndpointProfiles.TryGetValue(e.Profile, out var p)
            ? p.BusinessGroup : _config.BusinessGroups.Keys.FirstOrDefault();

    /// <summary>
    /// The static endpoint a call came from: the one at the source's address (and, when peers share one address, its
    /// port); null otherwise.
    /// </summary>
    private EndpointConfig? StaticEndpointAt(IPEndPoint source) =>
        _config.Endpoints.Values.FirstOrDefault(e => !e.Dynamic && HostAddress(e.AddressHost)?.Equals(source.Address) == true
                                                     && (!PeersShareOneAddress || e.Port == source.Port));

    private IPAddress? HostAddress(string? host) =>
        host is null ? null : _config.Network.Hosts.TryGetValue(host, out var a) ? a : IPAddress.TryParse(host, out var ip) ? ip : null;

    private static string? ChargeNumber(string? cdr) =>
        cdr is null ? null : Regex.Match(cdr, @"charge=""?(\+?\d+)") is { Success: true } m ? (m.Groups[1].Value.StartsWith('+') ? m.Groups[1].Value : "+" + m.Groups[1].Value) : null;

    private void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record(_name, text);
    }
}
