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

    private OsvSimulator(OsvConfig config, OsvPlacement place, IMediaPlane media, DeterministicRandom random, ITrace trace, SwitchOptions options)
    {
        var name = options.Name;
        var loop = place.Loop;
        // On sockets the public network's agent binds first: the switch routes outgoing public calls to its port.
        Concierge.Sip.UserAgent.SipUserAgent? pstn = null;
        if (config.PublicNetwork is { } publicNetwork && config.Network.Hosts.ContainsKey(publicNetwork.Host)
            && config.Endpoints.TryGetValue(publicNetwork.Trunk, out var gateway))
        {
            var pstnAgent = SimulatedUserAgent.Create("pstn", "pstn", loop, place.Host(publicNetwork.Host).Stack, place.Port(gateway.Port), random.Split("pstn.sip"));
            pstn = pstnAgent;
            if (place.OnSockets) config = WithGatewayPort(config, publicNetwork.Trunk, pstnAgent.LocalEndPoint().Port);
        }
        Config = config;
        var events = new CallEventReporter(config, new MonitorEventPublisher());
        var nodeHosts = config.GeoSeparation is { } geo
            ? geo.Nodes.Select(n => (n.Name, Host: place.Host(n.Host))).ToList()
            : [(Name: config.Host, Host: place.Host(config.Host))];
        var nodes = nodeHosts.Select(n => new SwitchNode(n.Name,
            SimulatedUserAgent.Create(nodeHosts.Count == 1 ? name : name + "." + n.Name, name, loop, n.Host.Stack, place.SipPort ?? config.SipPort, random.Split(name + ".sip." + n.Name)),
            n.Host.IsUp)).ToList();
        var nonces = random.Split(name + ".nonce");
        Registrar = options.Registrar?.Invoke(config, nodes[0].Agent.Stack, nonces) ?? OsvRegistrar.Create(config, nodes[0].Agent.Stack, nonces);
        Switch = new OsvSwitch(config, nodes, Registrar, events, trace, options) { Media = media, PeersShareOneAddress = place.OnSockets };
        _cstaServers = nodeHosts.Select(n => new OsvCstaServer(n.Host.Stack, place.CstaPort ?? config.CstaPort, Switch, events, Phone, trace, OsvCstaDialect.For(config), loop)).ToList();
        Csta = _cstaServers[0];
        if (config.GeoSeparation is { } zone)
        {
            for (var i = 0; i < zone.Nodes.Count; i++)
            {
                var node = zone.Nodes[i];
                var target = node.Name + "." + zone.Zone;
                Dns.AddA(target, nodeHosts[i].Host.Stack.Address);
                Dns.AddSrv(new SrvRecord(SimulatedDns.SipService(zone.Zone), node.Priority, node.Weight, config.SipPort, target));
                Dns.AddSrv(new SrvRecord(SimulatedDns.CstaService(zone.Zone), node.Priority, node.Weight, config.CstaPort, target));
            }
        }
        var osvSip = nodes[0].Agent.LocalEndPoint();
        if (config.Network.Hosts.ContainsKey("phones"))
        {
            var phonesHost = place.Host("phones").Stack;
            var index = 0;
            foreach (var subscriber in OsvSwitch.PhoneOrder(config))
            {
                var phoneAgent = SimulatedUserAgent.Create("phone." + subscriber.Alias, subscriber.Number, loop, phonesHost,
                    place.Port(config.Network.PhonePortBase + index), random.Split("phone." + subscriber.Number));
                var settings = new PhoneSettings { AutoAnswerCti = subscriber.AutoAnswerCti, CallWaiting = subscriber.CallWaiting };
                var phone = new SimulatedPhone(subscriber.Number, subscriber.Alias, settings, phoneAgent, PhoneRtpBasePort + 16 * index, media, osvSip);
                _phones[subscriber.Number] = phone;
                if (place.OnSockets) Switch.Devices[subscriber.Number].Phone = phone.LocalEndPoint;
                index++;
            }
        }
        if (place.TrunkPort is { } trunkPort && config.PublicNetwork is { } trunkNetwork && config.Endpoints.ContainsKey(trunkNetwork.Trunk))
        {
            var trunkAgent = SimulatedUserAgent.Create(name + ".trunk", name, loop, nodeHosts[0].Host.Stack, trunkPort, random.Split(name + ".sip.trunk"));
            Switch.AddPublicTrunk(trunkAgent, trunkNetwork.Trunk);
            PublicTrunkEndPoint = trunkAgent.LocalEndPoint();
        }
        // The simulated public network calls in where a UAC would: the public trunk when there is one, else the switch.
        if (pstn is not null) Callers = new CallerAgent(pstn, PublicTrunkEndPoint ?? osvSip, media);
    }

    private static OsvConfig WithGatewayPort(OsvConfig config, string gateway, int port)
    {
        var endpoints = config.Endpoints.ToDictionary(e => e.Key, e => e.Key == gateway ? e.Value with { Port = port } : e.Value, StringComparer.Ordinal);
        return config with { Endpoints = endpoints };
    }

    /// <summary>Builds the OSV of <paramref name="topology"/> on <paramref name="network"/> (hosts missing from the network are added).</summary>
    public static OsvSimulator Create(TopologyDocument topology, SimulatedNetwork network, IMediaPlane media, DeterministicRandom random, ITrace? trace = null) =>
        Create(OsvConfigReader.Require(topology), SwitchOptions.Osv, network, media, random, trace);

    /// <summary>
    /// Builds the OSV of <paramref name="topology"/> on real sockets (the PBX emulator): every part on
    /// <paramref name="sockets"/>' one address, its SIP, CSTA and public trunk ports as asked (0: a free one), each
    /// phone on a free port, all on <paramref name="sockets"/>' loop and clock.
    /// </summary>
    public static OsvSimulator CreateOnSockets(TopologyDocument topology, OsvSocketPlacement sockets, IMediaPlane media, DeterministicRandom random, ITrace? trace = null)
    {
        var config = OsvConfigReader.Require(topology);
        if (config.GeoSeparation is not null)
            throw new InvalidOperationException("a geo-separated OSV cannot run on one address (its nodes need hosts of their own)");
        var hosts = config.Network.Hosts.ToDictionary(h => h.Key, _ => sockets.Stack.Address, StringComparer.Ordinal);
        config = config with { Network = config.Network with { Hosts = hosts } };
        return new(config, OsvPlacement.OnSocketsOf(sockets), media, random, trace ?? NullTrace.Instance, SwitchOptions.Osv);
    }

    /// <summary>
    /// Builds a switch from <paramref name="config"/> with <paramref name="options"/>: how another PBX simulator (the
    /// OpenScape 4000's) runs on the same switching core, CSTA server, phones and callers.
    /// </summary>
    public static OsvSimulator Create(OsvConfig config, SwitchOptions options, SimulatedNetwork network, IMediaPlane media, DeterministicRandom random, ITrace? trace = null) =>
        new(config, OsvPlacement.OnSimulatedNetwork(network, config), media, random, trace ?? NullTrace.Instance, options);

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

    /// <summary>Where the public trunk takes calls from any SIP UAC (on sockets only; null in the simulated network).</summary>
    public IPEndPoint? PublicTrunkEndPoint { get; }

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
        if (Switch.PublicTrunk is { } trunk) Close(trunk.Agent);
    }

    private static void Close(Concierge.Sip.UserAgent.SipUserAgent ua)
    {
        ua.Dispose();
        ua.Stack.Dispose();
    }
}
