using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports;
using Concierge.Simulators.Phones.Sip;
using Concierge.Simulators.UnifyPhone.Tenant;
using Concierge.Sip.Auth;
using Concierge.Sip.Message;
using Concierge.Sip.Registration;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.UnifyPhone.Connector;

/// <summary>
/// The SIP side of the telephony connector (U 3.2, 4): the product's SIP user agent on the cloud host, SIP over TLS on
/// port 65061 (over the simulated network a plain stream stands in for TLS). Each system's trunk registers with digest
/// credentials (trunk name, API key); a second system registering on a trunk another holds is refused 409 and
/// reported (<see cref="ClonedSystems"/>); regenerating the API key drops every trunk on the old key and ends its calls.
/// Unify Phone clients ring for the system's INVITEs and place calls over their trunk.
/// </summary>
public sealed class ConnectorSipServer
{
    /// <summary>The connector's SIP over TLS port (U 4, Table 2).</summary>
    public const int TlsPort = 65061;

    /// <summary>Most calls tracked (ended ones are dropped first).</summary>
    public const int MaxCalls = 4096;

    /// <summary>Most clone reports kept.</summary>
    public const int MaxReports = 64;

    private readonly UnifyPhoneTenant _tenant;
    private readonly Action<string> _trace;
    private readonly List<ClonedSystemReport> _cloned = [];
    private readonly List<ClientCall> _calls = [];
    private readonly Dictionary<IPEndPoint, byte[]> _sdpCache = new();
    private int _nextRtpPort = 20000;

    /// <summary>Starts the connector on <paramref name="host"/>.</summary>
    public ConnectorSipServer(UnifyPhoneTenant tenant, IEventLoop loop, INetworkStack host, DeterministicRandom random, Action<string> trace, int port = TlsPort)
    {
        _tenant = tenant;
        _trace = trace;
        var stack = new SipStack(loop, host, new SipStackOptions
        {
            Name = "unify-phone-connector",
            Transport = new SipTransportOptions { UdpPort = null, TcpPort = null, TlsPort = port, TlsStack = host },
            Timers = SipTimerSettings.Default,
            Validation = null,
        }, random.Split("stack"));
        Ua = new SipUserAgent(stack, new SipUserAgentOptions
        {
            UserName = "connector",
            Domain = tenant.Domain,
            DefaultProtocol = SipTransportProtocol.Tls,
            SessionTimer = SipSessionTimerOptions.Disabled,
            Product = "Unify Phone telephony connector (simulator)",
        });
        var digest = new SipDigestServer(tenant.Domain, PasswordOf, random.Split("digest"));
        Registrar = new SipRegistrar(stack, new SipRegistrarOptions
        {
            MinExpires = TimeSpan.FromSeconds(60),
            MaxExpires = TimeSpan.FromSeconds(3600),
            KeyOfAddress = uri => uri.User is { } user && tenant.TrunkNamed(user) is not null ? user : null,
        }, digest);
        Ua.HandleRequests("REGISTER", OnRegister);
        Ua.IncomingCall += OnIncomingCall;
        Ua.CallRinging += (call, _) => Update(call, ClientCallState.Ringing);
        Ua.CallAnswered += call => Update(call, ClientCallState.Connected);
        Ua.CallFailed += OnCallFailed;
        Ua.CallEnded += (call, _) => Update(call, ClientCallState.Ended);
        tenant.ApiKeyRegenerated += _ => CutOffStaleTrunks();
    }

    /// <summary>The user agent.</summary>
    public SipUserAgent Ua { get; }

    /// <summary>The registrar the trunks register with.</summary>
    public SipRegistrar Registrar { get; }

    /// <summary>Second systems found registering on a held trunk.</summary>
    public IReadOnlyList<ClonedSystemReport> ClonedSystems => _cloned;

    /// <summary>Calls of the Unify Phone clients.</summary>
    public IReadOnlyList<ClientCall> Calls => _calls;

    /// <summary>The connector's status: Available while at least one trunk is registered (U 2.3).</summary>
    public bool IsAvailable => _tenant.Trunks.Values.Any(t => IsRegistered(t.Name));

    /// <summary>True when the trunk has a live registration.</summary>
    public bool IsRegistered(string trunk) => Registrar.Current(trunk) is not null;

    /// <summary>Where the trunk's system is registered from, or null.</summary>
    public IPAddress? RegisteredFrom(string trunk) => Registrar.Current(trunk)?.Source.Address.Address;

    private string? PasswordOf(string user) =>
        _tenant.TrunkNamed(user) is { } trunk && _tenant.IsCurrent(trunk) ? trunk.ApiKey : null;

    private void OnRegister(SipRequestReceived received)
    {
        if (received.Transaction is not { } transaction) return;
        var request = received.Request;
        var trunk = request.To?.Uri.User;
        if (trunk is not null && Registrar.Current(trunk) is { } held && !request.IsWildcardContact && request.Expires != 0
            && !held.Source.Address.Address.Equals(received.Source.Address.Address))
        {
            var report = new ClonedSystemReport(Ua.Stack.Now, trunk, held.Source.Address.Address, received.Source.Address.Address);
            if (_cloned.Count < MaxReports) _cloned.Add(report);
            _trace("error: " + report.Message);
            Ua.Stack.SendResponse(transaction, SipResponse.CreateFor(request, 409, "Trunk held by another system"));
            return;
        }
        Ua.Stack.SendResponse(transaction, Registrar.Answer(request, received.Source, Ua.Stack));
    }

    private void CutOffStaleTrunks()
    {
        foreach (var trunk in _tenant.Trunks.Values.Where(t => !_tenant.IsCurrent(t)))
        {
            if (Registrar.Current(trunk.Name) is null) continue;
            Registrar.Drop(trunk.Name);
            _trace($"trunk {trunk.Name} of {trunk.System} cut off: API key regenerated");
            foreach (var call in _calls.Where(c => c.State is ClientCallState.Calling or ClientCallState.Ringing or ClientCallState.Connected
                                                   && _tenant.Users.TryGetValue(c.User, out var u) && u.Trunk == trunk.Name).ToList())
                Ua.Hangup(call.Sip);
        }
    }

    private void OnIncomingCall(SipCall sip)
    {
        var number = sip.Invite.RequestUri.User ?? "";
        var source = Ua.PeerOf(sip)?.Address.Address;
        var trunk = _tenant.Trunks.Values.FirstOrDefault(t => Registrar.Current(t.Name) is { } b && b.Source.Address.Address.Equals(source));
        if (trunk is null)
        {
            Ua.Reject(sip, 403, "Trunk not registered");
            return;
        }
        if (_calls.Count(c => c.State is not (ClientCallState.Ended or ClientCallState.Refused)) >= MaxCalls)
        {
            Ua.Reject(sip, 503, "Too many calls");
            return;
        }
        if (_tenant.UserAt(trunk.Name, number) is not { } user)
        {
            Ua.Reject(sip, 404, "No Unify Phone user with this number");
            return;
        }
        var call = new ClientCall(user.EmailAddress, sip.Invite.From?.Uri.User ?? "", incoming: true, sip) { State = ClientCallState.Ringing };
        Track(call);
        Ua.Ring(sip);
        _trace($"Unify Phone client of {user.EmailAddress} rings for {call.Remote}");
    }

    /// <summary>The client of <paramref name="email"/> answers its ringing call; false when none rings.</summary>
    public bool Answer(string email)
    {
        if (_calls.FirstOrDefault(c => c.IsIncoming && c.User == email && c.State == ClientCallState.Ringing) is not { } call) return false;
        Ua.Answer(call.Sip, AudioSdp.For(NextRtp(), _sdpCache));
        return true;
    }

    /// <summary>The client of <paramref name="email"/> hangs up its calls.</summary>
    public void HangUp(string email)
    {
        foreach (var call in _calls.Where(c => c.User == email && c.State is ClientCallState.Calling or ClientCallState.Ringing or ClientCallState.Connected).ToList())
            Ua.Hangup(call.Sip);
    }

    /// <summary>
    /// The Unify Phone client of <paramref name="email"/> calls <paramref name="target"/> over its trunk. Returns the
    /// call, or null with the reason when the user has no registered trunk (nothing is sent then).
    /// </summary>
    public (ClientCall? Call, string? Refusal) Dial(string email, string target)
    {
        if (!_tenant.Users.TryGetValue(email, out var user) || user.Trunk is null || user.PhoneNumber is null)
            return (null, $"{email} is not assigned to an OpenScape Business user");
        if (Registrar.Current(user.Trunk) is not { } binding) return (null, $"trunk {user.Trunk} is not registered");
        if (_calls.Count(c => c.State != ClientCallState.Ended && c.State != ClientCallState.Refused) >= MaxCalls) return (null, "too many calls");
        var contact = binding.Contact.Uri;
        var sip = Ua.Invite(new SipUri(contact.Scheme, target, contact.Host, contact.Port), new SipInviteOptions
        {
            From = new NameAddress(new SipUri("sips", user.PhoneNumber, _tenant.Domain, null), $"{user.LastName}, {user.FirstName}"),
            Sdp = AudioSdp.For(NextRtp(), _sdpCache),
        });
        var call = new ClientCall(email, target, incoming: false, sip);
        Track(call);
        return (call, null);
    }

    private void OnCallFailed(SipCall sip, int status, string reason)
    {
        if (Find(sip) is not { } call) return;
        call.State = ClientCallState.Refused;
        call.RefusalStatus = status;
        call.RefusalReason = reason;
        _trace($"call {call} refused");
    }

    private void Update(SipCall sip, ClientCallState state)
    {
        if (Find(sip) is not { } call || call.State is ClientCallState.Refused or ClientCallState.Ended) return;
        call.State = state;
    }

    private ClientCall? Find(SipCall sip) => _calls.FirstOrDefault(c => ReferenceEquals(c.Sip, sip));

    private void Track(ClientCall call)
    {
        if (_calls.Count >= MaxCalls) _calls.RemoveAll(c => c.State is ClientCallState.Ended or ClientCallState.Refused);
        _calls.Add(call);
    }

    private IPEndPoint NextRtp()
    {
        var port = _nextRtpPort;
        _nextRtpPort = _nextRtpPort >= 49998 ? 20000 : _nextRtpPort + 2;
        return new IPEndPoint(Ua.Stack.Transport.Address, port);
    }
}
