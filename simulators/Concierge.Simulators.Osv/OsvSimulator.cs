using System.Net;
using Concierge.Config.Topology;
using Concierge.Csta.Server;
using Concierge.Media;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Simulators.Osv.Csta;
using Concierge.Simulators.Osv.Dns;
using Concierge.Simulators.Osv.Registration;
using Concierge.Simulators.Osv.Switching;
using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Registration;

namespace Concierge.Simulators.Osv;

/// <summary>
/// The simulated OpenScape Voice with its subscribers' phones and the public network's callers: the one object the
/// world assembly creates from a topology (see simulators/README.md).
/// </summary>
public sealed class OsvSimulator : IDisposable
{
    /// <summary>First RTP port of the phones (each phone gets 16 ports).</summary>
    public const int PhoneRtpBasePort = 20000;

    private readonly Dictionary<string, SimulatedPhone> _phones = new(StringComparer.Ordinal);
    private readonly List<OsvCstaServer> _cstaServers;

    private OsvSimulator(OsvConfig config, SimulatedNetwork network, IMediaPlane media, DeterministicRandom random, ITrace trace, SwitchOptions options)
    {
        Config = config;
        var name = options.Name;
        var loop = network.Loop;
        var events = new CallEventReporter(config, new MonitorEventPublisher());
        var nodeHosts = config.GeoSeparation is { } geo
            ? geo.Nodes.Select(n => (n.Name, Host: HostOf(network, config, n.Host))).ToList()
            : [(Name: config.Host, Host: HostOf(network, config, config.Host))];
        var nodes = nodeHosts.Select(n => new SwitchNode(n.Name,
            SimulatedUserAgent.Create(nodeHosts.Count == 1 ? name : name + "." + n.Name, name, loop, n.Host, config.SipPort, random.Split(name + ".sip." + n.Name)),
            () => n.Host.IsUp)).ToList();
        var nonces = random.Split(name + ".nonce");
        Registrar = options.Registrar?.Invoke(config, nodes[0].Agent.Stack, nonces) ?? OsvRegistrar.Create(config, nodes[0].Agent.Stack, nonces);
        Switch = new OsvSwitch(config, nodes, Registrar, events, trace, options) { Media = media };
        _cstaServers = nodeHosts.Select(n => new OsvCstaServer(n.Host, config.CstaPort, Switch, events, Phone, trace, OsvCstaDialect.For(config), loop)).ToList();
        Csta = _cstaServers[0];
        if (config.GeoSeparation is { } zone)
        {
            for (var i = 0; i < zone.Nodes.Count; i++)
            {
                var node = zone.Nodes[i];
                var target = node.Name + "." + zone.Zone;
                Dns.AddA(target, nodeHosts[i].Host.Address);
                Dns.AddSrv(new SrvRecord(SimulatedDns.SipService(zone.Zone), node.Priority, node.Weight, config.SipPort, target));
                Dns.AddSrv(new SrvRecord(SimulatedDns.CstaService(zone.Zone), node.Priority, node.Weight, config.CstaPort, target));
            }
        }
        var osvSip = new IPEndPoint(nodeHosts[0].Host.Address, config.SipPort);
        if (config.Network.Hosts.ContainsKey("phones"))
        {
            var phonesHost = HostOf(network, config, "phones");
            var index = 0;
            foreach (var subscriber in OsvSwitch.PhoneOrder(config))
            {
                var phoneAgent = SimulatedUserAgent.Create("phone." + subscriber.Alias, subscriber.Number, loop, phonesHost,
                    config.Network.PhonePortBase + index, random.Split("phone." + subscriber.Number));
                var settings = new PhoneSettings { AutoAnswerCti = subscriber.AutoAnswerCti, CallWaiting = subscriber.CallWaiting };
                _phones[subscriber.Number] = new SimulatedPhone(subscriber.Number, subscriber.Alias, settings, phoneAgent,
                    PhoneRtpBasePort + 16 * index, media, osvSip);
                index++;
            }
        }
        if (config.PublicNetwork is { } pn && config.Network.Hosts.ContainsKey(pn.Host)
            && config.Endpoints.TryGetValue(pn.Trunk, out var gateway))
        {
            var pstnAgent = SimulatedUserAgent.Create("pstn", "pstn", loop, HostOf(network, config, pn.Host), gateway.Port, random.Split("pstn.sip"));
            Callers = new CallerAgent(pstnAgent, osvSip, media);
        }
    }

    /// <summary>Builds the OSV of <paramref name="topology"/> on <paramref name="network"/> (hosts missing from the network are added).</summary>
    public static OsvSimulator Create(TopologyDocument topology, SimulatedNetwork network, IMediaPlane media, DeterministicRandom random, ITrace? trace = null) =>
        new(OsvConfigReader.Require(topology), network, media, random, trace ?? NullTrace.Instance, SwitchOptions.Osv);

    /// <summary>
    /// Builds a switch from <paramref name="config"/> with <paramref name="options"/>: how another PBX simulator (the
    /// OpenScape 4000's) runs on the same switching core, CSTA server, phones and callers.
    /// </summary>
    public static OsvSimulator Create(OsvConfig config, SwitchOptions options, SimulatedNetwork network, IMediaPlane media, DeterministicRandom random, ITrace? trace = null) =>
        new(config, network, media, random, trace ?? NullTrace.Instance, options);

    /// <summary>The configuration read from the topology.</summary>
    public OsvConfig Config { get; }

    /// <summary>The call switching (calls, devices, hunt groups, router).</summary>
    public OsvSwitch Switch { get; }

    /// <summary>The registrar for dynamic endpoints (CPS001).</summary>
    public SipRegistrar Registrar { get; }

    /// <summary>The CSTA server (of the first node).</summary>
    public OsvCstaServer Csta { get; }

    /// <summary>The CSTA servers of every node, in node order.</summary>
    public IReadOnlyList<OsvCstaServer> CstaServers => _cstaServers;

    /// <summary>The simulated DNS: SRV records <c>_sip._udp.&lt;zone&gt;</c> and <c>HiPath8000CSTASM._tcp.&lt;zone&gt;</c> for a geo-separated OSV.</summary>
    public SimulatedDns Dns { get; } = new();

    /// <summary>The external callers and parties of the public network (null when the topology has none).</summary>
    public CallerAgent? Callers { get; }

    /// <summary>Every subscriber phone by number.</summary>
    public IReadOnlyDictionary<string, SimulatedPhone> Phones => _phones;

    /// <summary>Where the switch takes SIP.</summary>
    public IPEndPoint SipEndPoint => Switch.Agent.LocalEndPoint();

    /// <summary>Where the switch takes CSTA connections.</summary>
    public IPEndPoint CstaEndPoint => Csta.Listener.LocalEndPoint;

    /// <summary>An endpoint was deactivated for registering with too short an interval (endpoint, interval).</summary>
    public event Action<string, TimeSpan>? EndpointDeactivated
    {
        add => Registrar.AddressDeactivated += value;
        remove => Registrar.AddressDeactivated -= value;
    }

    /// <summary>The phone of a number (with or without '+') or alias ("7580").</summary>
    public SimulatedPhone? Phone(string numberOrAlias) =>
        _phones.GetValueOrDefault(numberOrAlias) ?? _phones.GetValueOrDefault("+" + numberOrAlias)
        ?? _phones.Values.FirstOrDefault(p => p.Alias == numberOrAlias);

    /// <summary>True when the endpoint (e.g. "CPS001") is registered and active.</summary>
    public bool IsRegistered(string endpoint) => Registrar.Current(endpoint) is not null;

    /// <summary>True when the switch deactivated the endpoint.</summary>
    public bool IsDeactivated(string endpoint) => Registrar.IsDeactivated(endpoint);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var server in _cstaServers) server.Dispose();
        foreach (var node in Switch.Nodes) Close(node.Agent);
        foreach (var phone in _phones.Values) Close(phone.Agent);
        if (Callers is not null) Close(Callers.Agent);
    }

    private static void Close(Concierge.Sip.UserAgent.SipUserAgent ua)
    {
        ua.Dispose();
        ua.Stack.Dispose();
    }

    private static SimulatedHost HostOf(SimulatedNetwork network, OsvConfig config, string name)
    {
        var existing = network.Hosts.FirstOrDefault(h => h.Name == name);
        if (existing is not null) return existing;
        var address = config.Network.Hosts.TryGetValue(name, out var a) ? a : throw new InvalidOperationException($"host \"{name}\" is not in network.hosts");
        return network.AddHost(name, address);
    }
}
