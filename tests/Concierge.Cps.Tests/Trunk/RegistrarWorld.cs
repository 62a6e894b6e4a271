using System.Net;
using Concierge.Config.Numbers;
using Concierge.Cps.Trunk;
using Concierge.Media.Simulated;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Message;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;
using Concierge.Sip.Validation;

namespace Concierge.Cps.Tests.Trunk;

/// <summary>
/// A CPS host and two geo-separated PBX nodes, each with its own registrar, under one SRV domain (C 4.6): the CPS's
/// trunk and registration over a simulated network and DNS, on a virtual clock.
/// </summary>
internal sealed class RegistrarWorld
{
    public const string Domain = "osvcluster.example";
    public const string RegisterId = "CPS001";

    private readonly DeterministicRandom _random;
    private readonly SimulatedHost _cpsHost;

    public RegistrarWorld(ulong seed = 7)
    {
        _random = new DeterministicRandom(seed);
        Network = new SimulatedNetwork(Loop, _random.Split("net"));
        Network.SetAllLinks(new LinkProfile(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(1)));
        Resolver = new SimulatedSipResolver(Loop, _random.Split("dns"));
        _cpsHost = Network.AddHost("cps", IPAddress.Parse("192.0.2.20"));
        CpsStack = new SipStack(Loop, _cpsHost, new SipStackOptions { Name = "cps" }, _random.Split("cps"));
    }

    public SimulatedEventLoop Loop { get; } = new();
    public SimulatedNetwork Network { get; }
    public SimulatedSipResolver Resolver { get; }
    public SimulatedMediaPlane Media { get; } = new();
    public SipStack CpsStack { get; }
    public Dictionary<string, PbxNode> Nodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a PBX node with a registrar; with <paramref name="priority"/> it is also an SRV target of <see cref="Domain"/>.</summary>
    public PbxNode AddNode(string name, string address, int? priority = null, int weight = 0, bool answer503 = false)
    {
        var host = Network.AddHost(name, IPAddress.Parse(address));
        var stack = new SipStack(Loop, host, new SipStackOptions { Name = name, Validation = SipValidatorOptions.Endpoint with { Role = SipValidatorRole.Registrar } }, _random.Split(name));
        var ua = new SipUserAgent(stack, new SipUserAgentOptions { UserName = name });
        var registrar = new SipRegistrar(stack);
        if (answer503) ua.HandleRequests(SipMethod.Register, received => stack.SendResponse(received.Transaction!, SipResponse.CreateFor(received.Request, 503, "Overloaded")));
        else ua.HandleRequests(SipMethod.Register, registrar.Handle);
        var node = new PbxNode(name, host, ua, registrar);
        ua.IncomingCall += call => node.Invites.Add(call);
        Nodes[name] = node;
        if (priority is { } p)
        {
            Resolver.AddSrv(Domain, SipTransportProtocol.Udp, new SipSrvRecord(p, weight, 5060, name + "." + Domain));
            Resolver.AddHost(name + "." + Domain, host.Address);
        }
        return node;
    }

    public TrunkRegistration Registration(RegistrarTargets targets) =>
        new(CpsStack, targets, RegisterId, targets.Domain, TimeSpan.FromSeconds(305));

    public SipTrunk Trunk(RegistrarTargets targets) =>
        new(new SipUserAgent(CpsStack, new SipUserAgentOptions { UserName = RegisterId }),
            new SipTrunkOptions(SipEndPoint.Udp(IPAddress.Parse("192.0.2.99"), 5060), targets.Domain, _cpsHost.Address, 40000, 10), Media, registrar: targets);

    public RegistrarTargets ByDns(string domain = Domain) => RegistrarTargets.ForRegistrarHost(domain, 5060, Resolver);

    /// <summary>True when <paramref name="node"/>'s registrar holds a live binding of the CPS.</summary>
    public bool IsBoundAt(string node) => Nodes[node].Registrar.Lookup(SipUri.Sip(RegisterId, Domain)).Count > 0
                                          || Nodes[node].Registrar.Lookup(SipUri.Sip(RegisterId, Nodes[node].Host.Address.ToString())).Count > 0;

    public static E164Number Number(string digits) => E164Number.Parse(digits);
}

/// <summary>One PBX node: its host, user agent, registrar and the INVITEs it received.</summary>
internal sealed record PbxNode(string Name, SimulatedHost Host, SipUserAgent Agent, SipRegistrar Registrar)
{
    public List<SipCall> Invites { get; } = new();
}
