using System.Net;

namespace Concierge.Simulators.Osv.Dns;

/// <summary>
/// The simulated network's DNS: SRV and A records, looked up case-insensitively. <see cref="ResolveSrv"/> gives the
/// targets in the order a client tries them: priority ascending, then weight descending, then record order.
/// </summary>
public sealed class SimulatedDns
{
    private readonly List<SrvRecord> _srv = [];
    private readonly Dictionary<string, IPAddress> _a = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds an SRV record.</summary>
    public void AddSrv(SrvRecord record) => _srv.Add(record);

    /// <summary>Adds (or replaces) an A record.</summary>
    public void AddA(string name, IPAddress address) => _a[name] = address;

    /// <summary>Removes every SRV record of <paramref name="name"/> pointing at <paramref name="target"/>.</summary>
    public int RemoveSrv(string name, string target) =>
        _srv.RemoveAll(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Target, target, StringComparison.OrdinalIgnoreCase));

    /// <summary>The address of an A record, or null.</summary>
    public IPAddress? ResolveA(string name) => _a.GetValueOrDefault(name);

    /// <summary>The SRV targets of <paramref name="name"/> with their addresses, in the order to try them (unresolvable targets left out).</summary>
    public IReadOnlyList<(SrvRecord Record, IPEndPoint EndPoint)> ResolveSrv(string name) =>
        _srv.Select((r, i) => (Record: r, Index: i))
            .Where(x => string.Equals(x.Record.Name, name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.Record.Priority).ThenByDescending(x => x.Record.Weight).ThenBy(x => x.Index)
            .Select(x => (x.Record, Address: ResolveA(x.Record.Target)))
            .Where(x => x.Address is not null)
            .Select(x => (x.Record, new IPEndPoint(x.Address!, x.Record.Port)))
            .ToList();

    /// <summary>The SIP UDP service name of a zone (RFC 3263): <c>_sip._udp.&lt;zone&gt;</c>.</summary>
    public static string SipService(string zone) => "_sip._udp." + zone;

    /// <summary>The OSV CSTA service name of a zone: <c>HiPath8000CSTASM._tcp.&lt;zone&gt;</c> (seed C 4.6.1).</summary>
    public static string CstaService(string zone) => "HiPath8000CSTASM._tcp." + zone;
}
