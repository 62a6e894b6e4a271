using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports;
using Concierge.Sip.Auth;
using Concierge.Sip.Message;
using Concierge.Sip.Registration;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.OsBiz.Connector;

/// <summary>
/// The system's native SIP trunk "Unify Phone (Cloud)" (U 3.2): the product's SIP user agent on the system's host,
/// SIP over TLS to the connector (port 65061; a plain simulated stream stands in for TLS), registering the trunk with
/// digest credentials (trunk name, API key) every <see cref="ReregistrationInterval"/>. It listens on TLS 5061 for the
/// connector's INVITEs to the registered contact.
/// </summary>
public sealed class ConnectorTrunkClient
{
    /// <summary>Where the trunk listens for the connector's requests.</summary>
    public const int ListenPort = 5061;

    private readonly IEventLoop _loop;
    private readonly SipEndPoint _connector;
    private readonly string _domain;
    private readonly DeterministicRandom _random;
    private readonly Action<string> _trace;
    private SipRegistrationClient? _registration;

    /// <summary>Creates the trunk on <paramref name="host"/>; nothing is sent before <see cref="Register"/>.</summary>
    public ConnectorTrunkClient(string system, IEventLoop loop, INetworkStack host, SipEndPoint connector, string domain, TimeSpan reregistrationInterval,
        DeterministicRandom random, Action<string> trace)
    {
        _loop = loop;
        _connector = connector;
        _domain = domain;
        _random = random;
        _trace = trace;
        ReregistrationInterval = reregistrationInterval;
        var stack = new SipStack(loop, host, new SipStackOptions
        {
            Name = system + "-unify-phone-trunk",
            Transport = new SipTransportOptions { UdpPort = null, TcpPort = null, TlsPort = ListenPort, TlsStack = host },
            Timers = SipTimerSettings.Default,
            Validation = null,
        }, random.Split("stack"));
        Ua = new SipUserAgent(stack, new SipUserAgentOptions
        {
            UserName = system,
            DefaultProtocol = SipTransportProtocol.Tls,
            SessionTimer = SipSessionTimerOptions.Disabled,
            Product = "OpenScape Business (simulator)",
        });
    }

    /// <summary>The user agent of the trunk.</summary>
    public SipUserAgent Ua { get; }

    /// <summary>The registrar re-registration interval (600 s in the HowTo).</summary>
    public TimeSpan ReregistrationInterval { get; }

    /// <summary>The trunk name registered, or null before the wizard ran.</summary>
    public string? Trunk { get; private set; }

    /// <summary>True while the connector holds the registration as far as the system knows.</summary>
    public bool IsRegistered => _registration?.State == SipRegistrationState.Registered;

    /// <summary>The status of the last failed round (401 wrong key, 409 trunk held by another system, 408 unreachable), or null.</summary>
    public int? LastFailureStatus { get; private set; }

    /// <summary>Successful REGISTERs.</summary>
    public int Registrations => _registration?.Registrations ?? 0;

    /// <summary>Service Center » Status » ITSP » Unify Phone (Cloud): registered or not registered.</summary>
    public string ItspStatus => IsRegistered ? "registered" : "not registered";

    /// <summary>(Re)registers trunk <paramref name="trunk"/> with <paramref name="apiKey"/> as password.</summary>
    public void Register(string trunk, string apiKey)
    {
        _registration?.Stop();
        Trunk = trunk;
        LastFailureStatus = null;
        var registration = new SipRegistrationClient(Ua.Stack, new SipRegistrationOptions
        {
            Domain = _domain,
            AddressOfRecord = new SipUri("sips", trunk, _domain, null),
            Credentials = new SipCredentials(trunk, apiKey),
            Interval = ReregistrationInterval,
            Protocol = SipTransportProtocol.Tls,
        }, new FixedResolver(_loop, _connector), _random.Split("registration." + trunk));
        registration.Registered += (granted, _) => { LastFailureStatus = null; _trace($"trunk {trunk} registered for {granted.TotalSeconds:0} s"); };
        registration.RegistrationFailed += status => { LastFailureStatus = status; _trace($"trunk {trunk} not registered ({status})"); };
        _registration = registration;
        registration.Start();
    }

    /// <summary>Unregisters (Unify Phone disabled / connector uninstalled).</summary>
    public void Stop() => _registration?.Stop();

    /// <summary>Calls the Unify Phone user that the connector knows as <paramref name="trunkNumber"/>.</summary>
    public SipCall CallUser(string trunkNumber, NameAddress from, ReadOnlyMemory<byte> sdp) =>
        Ua.Invite(new SipUri("sips", trunkNumber, _connector.Address.Address.ToString(), _connector.Address.Port),
            new SipInviteOptions { From = from, Sdp = sdp, Destination = _connector });

    private sealed class FixedResolver(IEventLoop loop, SipEndPoint connector) : ISipServerResolver
    {
        public void Resolve(string domain, SipTransportProtocol protocol, Action<IReadOnlyList<SipServerTarget>> done) =>
            loop.Post(() => done([new SipServerTarget(domain, connector)]));
    }
}
