using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Scenarios.Topologies;

namespace Concierge.Scenarios.Network;

/// <summary>Builds the simulated network of a topology: one host per `network.hosts` entry, every link with the topology's default profile.</summary>
public static class TopologyNetwork
{
    /// <summary>The network for <paramref name="topology"/> on <paramref name="loop"/>.</summary>
    public static SimulatedNetwork Build(TopologyInfo topology, SimulatedEventLoop loop, DeterministicRandom random, ITrace trace)
    {
        var network = new SimulatedNetwork(loop, random, trace);
        network.SetAllLinks(topology.DefaultLink?.ToLinkProfile() ?? LinkProfile.Lan);
        foreach (var (host, address) in topology.HostAddresses.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (!IPAddress.TryParse(address, out var ip))
                throw new FormatException($"topology {topology.Name}: host {host} has no IP address but '{address}'");
            network.AddHost(host, ip);
        }
        foreach (var (a, b, faults) in topology.Links) network.SetLink(a, b, faults.ToLinkProfile());
        return network;
    }
}
