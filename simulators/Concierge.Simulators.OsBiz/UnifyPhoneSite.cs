using System.Net;
using Concierge.Config.Topology;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.OsBiz.Configuration;
using Concierge.Simulators.UnifyPhone.Configuration;
using Concierge.Simulators.UnifyPhone.Connector;
using Concierge.Simulators.UnifyPhone.Tenant;
using Concierge.Simulators.UnifyPhone.Users;
using Concierge.Sip.Transport;

namespace Concierge.Simulators.OsBiz;

/// <summary>
/// An OpenScape Business site with Unify Phone, built from a topology (`osbiz:` and `unifyPhone:`): the cloud tenant
/// and its connector on the cloud host, the system on its host, on one simulated network. Further systems can join
/// (a second system on the same API key, or a clone restored from the first).
/// </summary>
public sealed class UnifyPhoneSite
{
    private readonly SimulatedNetwork _network;
    private readonly DeterministicRandom _random;
    private readonly Action<string, string> _trace;
    private readonly List<OsBizSystem> _systems = [];
    private readonly SipEndPoint _connectorEndPoint;

    private readonly IReadOnlyDictionary<string, string> _addresses;

    private UnifyPhoneSite(OsBizConfig config, TenantConfig tenantConfig, IReadOnlyDictionary<string, string> addresses, SimulatedNetwork network,
        DeterministicRandom random, Action<string, string> trace)
    {
        _addresses = addresses;
        _network = network;
        _random = random;
        _trace = trace;
        Config = config;
        var cloud = HostOrAdd(tenantConfig.Host, "198.51.100.60");
        var now = network.Loop.Now;
        Tenant = new UnifyPhoneTenant(tenantConfig.Name, tenantConfig.Domain, tenantConfig.ApiKey, new TelephonyConnector(tenantConfig.ConnectorName, tenantConfig.ConnectorType),
            network.Loop.Time, random.Split("tenant"));
        switch (tenantConfig.JwtStatus)
        {
            case "Active" or "Expiring":
                Tenant.Jwt.Set(now + tenantConfig.JwtExpiresIn);
                break;
            case "Expired":
                Tenant.Jwt.Set(now);
                break;
            case "Invalid token":
                Tenant.Jwt.Set(now + tenantConfig.JwtExpiresIn);
                Tenant.Jwt.Invalidate();
                break;
        }
        foreach (var user in tenantConfig.Users) Tenant.Seed(new CloudUser(user.EmailAddress, user.FirstName, user.LastName, user.Locale));
        Connector = new ConnectorSipServer(Tenant, network.Loop, cloud, random.Split("connector"), line => trace("unify-phone", line), config.Connectivity.SipServerPort);
        _connectorEndPoint = new SipEndPoint(SipTransportProtocol.Tls, new IPEndPoint(cloud.Address, config.Connectivity.SipServerPort));
        Main = AddSystem(config.Name, config.Host);
    }

    /// <summary>Builds the site of <paramref name="document"/>; throws <see cref="FormatException"/> listing every configuration error.</summary>
    public static UnifyPhoneSite Create(TopologyDocument document, SimulatedNetwork network, DeterministicRandom random, Action<string, string> trace)
    {
        var config = OsBizConfigReader.Read(document, out var errors);
        var tenant = TenantConfigReader.Read(document, out var tenantErrors);
        if (config is null || tenant is null) throw new FormatException("the OpenScape Business / Unify Phone topology has errors: " + string.Join("; ", errors.Concat(tenantErrors)));
        var addresses = document.Section("network")?.Mapping("hosts")?.Entries.Where(e => e.Value is TopologyScalar { Value: not null })
            .ToDictionary(e => e.Key, e => ((TopologyScalar)e.Value).Value!, StringComparer.Ordinal) ?? new Dictionary<string, string>();
        return new UnifyPhoneSite(config, tenant, addresses, network, random, trace);
    }

    /// <summary>The configuration of the main system.</summary>
    public OsBizConfig Config { get; }

    /// <summary>The Unify Phone tenant (and its REST API).</summary>
    public UnifyPhoneTenant Tenant { get; }

    /// <summary>The connector's SIP side.</summary>
    public ConnectorSipServer Connector { get; }

    /// <summary>The system of the topology.</summary>
    public OsBizSystem Main { get; }

    /// <summary>Every system of the site.</summary>
    public IReadOnlyList<OsBizSystem> Systems => _systems;

    /// <summary>The system named <paramref name="name"/>, or null.</summary>
    public OsBizSystem? System(string name) => _systems.FirstOrDefault(s => s.Name == name);

    /// <summary>A system like the main one named <paramref name="name"/> on <paramref name="host"/> (added to the network if missing).</summary>
    public OsBizSystem AddSystem(string name, string host)
    {
        if (System(name) is not null) throw new ArgumentException($"the site has a system {name} already", nameof(name));
        var stack = HostOrAdd(host, $"192.0.2.{60 + _systems.Count}");
        var system = new OsBizSystem(Config, Tenant, _network.Loop, stack, _connectorEndPoint, _random.Split("osbiz." + name), line => _trace("osbiz", line), name);
        _systems.Add(system);
        return system;
    }

    /// <summary>Runs the site until every system that has a trunk is registered, at most <paramref name="limit"/>; true when they are.</summary>
    public bool RunUntilRegistered(TimeSpan limit) =>
        _network.Loop.RunUntil(() => _systems.Where(s => s.TrunkName is not null).All(s => s.Trunk.IsRegistered), limit);

    /// <summary>The host named <paramref name="name"/>; added at the topology's address (else <paramref name="fallback"/>) when the network lacks it.</summary>
    private SimulatedHost HostOrAdd(string name, string fallback) =>
        _network.Hosts.FirstOrDefault(h => h.Name == name) ?? _network.AddHost(name, IPAddress.Parse(_addresses.GetValueOrDefault(name, fallback)));
}
