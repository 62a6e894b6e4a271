using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Registration;

/// <summary>
/// A DNS stand-in for the simulated world: SRV records per service name and addresses per host, answered on the
/// loop after a configurable delay, ordered by <see cref="SrvOrdering"/> with a seeded generator.
/// </summary>
public sealed class SimulatedSipResolver : ISipServerResolver
{
    private readonly IEventLoop _loop;
    private readonly DeterministicRandom _random;
    private readonly Dictionary<string, List<SipSrvRecord>> _srv = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<IPAddress>> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty resolver.</summary>
    public SimulatedSipResolver(IEventLoop loop, DeterministicRandom random)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>How long a lookup takes.</summary>
    public TimeSpan LookupDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Lookups answered so far.</summary>
    public int Lookups { get; private set; }

    /// <summary>Adds an SRV record for <paramref name="domain"/> and <paramref name="protocol"/>.</summary>
    public SimulatedSipResolver AddSrv(string domain, SipTransportProtocol protocol, SipSrvRecord record)
    {
        var name = SrvOrdering.ServiceName(domain, protocol);
        if (!_srv.TryGetValue(name, out var list)) _srv[name] = list = new List<SipSrvRecord>();
        list.Add(record);
        return this;
    }

    /// <summary>Adds an address record for <paramref name="host"/>.</summary>
    public SimulatedSipResolver AddHost(string host, IPAddress address)
    {
        if (!_hosts.TryGetValue(host, out var list)) _hosts[host] = list = new List<IPAddress>();
        list.Add(address);
        return this;
    }

    /// <inheritdoc />
    public void Resolve(string domain, SipTransportProtocol protocol, Action<IReadOnlyList<SipServerTarget>> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        var targets = new List<SipServerTarget>();
        if (_srv.TryGetValue(SrvOrdering.ServiceName(domain, protocol), out var records))
        {
            foreach (var record in SrvOrdering.Order(records, _random))
                foreach (var address in _hosts.GetValueOrDefault(record.Target) ?? [])
                    targets.Add(new SipServerTarget(record.Target, new SipEndPoint(protocol, new IPEndPoint(address, record.Port)), record.Priority, record.Weight));
        }
        else
        {
            var port = protocol == SipTransportProtocol.Tls ? 5061 : 5060;
            foreach (var address in _hosts.GetValueOrDefault(domain) ?? [])
                targets.Add(new SipServerTarget(domain, new SipEndPoint(protocol, new IPEndPoint(address, port))));
        }
        Lookups++;
        _loop.ScheduleAfter(LookupDelay, () => done(targets));
    }
}
