using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Osv;

/// <summary>
/// Where the switch's parts bind: on the simulated network each topology host is a simulated host and every port is
/// the configured one; on sockets every host is the one socket stack (one address), the switch's ports are as asked
/// and every other port is a free one.
/// </summary>
internal sealed class OsvPlacement
{
    private readonly Func<string, (INetworkStack Stack, Func<bool> IsUp)> _host;

    private OsvPlacement(IEventLoop loop, Func<string, (INetworkStack, Func<bool>)> host, bool onSockets)
    {
        Loop = loop;
        _host = host;
        OnSockets = onSockets;
    }

    /// <summary>The loop (and clock) every part runs on.</summary>
    public IEventLoop Loop { get; }

    /// <summary>True on real sockets: one address for every host, free ports.</summary>
    public bool OnSockets { get; }

    /// <summary>The switch's SIP port when it is not the configured one.</summary>
    public int? SipPort { get; private init; }

    /// <summary>The switch's CSTA port when it is not the configured one.</summary>
    public int? CstaPort { get; private init; }

    /// <summary>The public trunk's SIP port (0: a free one), or null for no public trunk.</summary>
    public int? TrunkPort { get; private init; }

    /// <summary>The network stack of the topology host <paramref name="name"/> and whether it is up.</summary>
    public (INetworkStack Stack, Func<bool> IsUp) Host(string name) => _host(name);

    /// <summary>The port a part binds for its configured <paramref name="configured"/> port: the same in simulation, a free one on sockets.</summary>
    public int Port(int configured) => OnSockets ? 0 : configured;

    public static OsvPlacement OnSimulatedNetwork(SimulatedNetwork network, OsvConfig config) =>
        new(network.Loop, name =>
        {
            var host = network.Hosts.FirstOrDefault(h => h.Name == name)
                       ?? network.AddHost(name, config.Network.Hosts.TryGetValue(name, out var a) ? a : throw new InvalidOperationException($"host \"{name}\" is not in network.hosts"));
            return (host, () => host.IsUp);
        }, onSockets: false);

    public static OsvPlacement OnSocketsOf(OsvSocketPlacement sockets) =>
        new(sockets.Loop, _ => (sockets.Stack, () => true), onSockets: true)
        {
            SipPort = sockets.SipPort,
            CstaPort = sockets.CstaPort,
            TrunkPort = sockets.TrunkPort,
        };
}
