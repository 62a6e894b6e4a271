using System.Net;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Cps.Trunk;

/// <summary>
/// Where the CPS trunk registers and sends its calls (C 6.3.1.3, C 4.6): one fixed address (an IP literal, or a host
/// the caller already resolved), or the DNS SRV targets of a domain (<c>_sip._udp.&lt;domain&gt;</c>) in failover
/// order by priority and weight. <see cref="Current"/> is the target in use; the registration moves it on when a
/// target does not answer and rewinds it when every target failed.
/// </summary>
public sealed class RegistrarTargets
{
    private readonly ISipServerResolver? _resolver;
    private readonly SipTransportProtocol _protocol;
    private IReadOnlyList<SipServerTarget> _targets;
    private int _index;
    private int _generation;

    private RegistrarTargets(string domain, ISipServerResolver? resolver, SipTransportProtocol protocol, IReadOnlyList<SipServerTarget> targets, bool usesDns)
    {
        Domain = domain;
        _resolver = resolver;
        _protocol = protocol;
        _targets = targets;
        UsesDns = usesDns;
    }

    /// <summary>One fixed target: no DNS lookup, ever.</summary>
    public static RegistrarTargets Fixed(string host, SipEndPoint endPoint) =>
        new(host, null, endPoint.Protocol, [new SipServerTarget(host, endPoint)], usesDns: false);

    /// <summary>The SRV targets of <paramref name="domain"/>, looked up through <paramref name="resolver"/> (null: no DNS available, every lookup finds nothing).</summary>
    public static RegistrarTargets ByDns(string domain, ISipServerResolver? resolver, SipTransportProtocol protocol = SipTransportProtocol.Udp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        return new RegistrarTargets(domain, resolver, protocol, [], usesDns: true);
    }

    /// <summary>
    /// The configured registrar (CPS settings): an IP literal is used as it is with <paramref name="registrarPort"/>;
    /// anything else is a domain name resolved by DNS SRV.
    /// </summary>
    public static RegistrarTargets ForRegistrarHost(string registrarHost, int registrarPort, ISipServerResolver? resolver, SipTransportProtocol protocol = SipTransportProtocol.Udp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registrarHost);
        return IPAddress.TryParse(registrarHost.Trim('[', ']'), out var literal)
            ? Fixed(registrarHost, new SipEndPoint(protocol, new IPEndPoint(literal, registrarPort)))
            : ByDns(registrarHost, resolver, protocol);
    }

    /// <summary>The registrar host or domain as configured (the host part of request URIs).</summary>
    public string Domain { get; }

    /// <summary>The SRV owner name looked up, e.g. <c>_sip._udp.osvcluster.com</c>.</summary>
    public string ServiceName => SrvOrdering.ServiceName(Domain, _protocol);

    /// <summary>True when the targets come from DNS SRV, false for one fixed address.</summary>
    public bool UsesDns { get; }

    /// <summary>Every target in failover order (empty before the first lookup, or when DNS found none).</summary>
    public IReadOnlyList<SipServerTarget> Targets => _targets;

    /// <summary>The target in use, or null when none is known.</summary>
    public SipServerTarget? Current => _index < _targets.Count ? _targets[_index] : null;

    /// <summary>True while a DNS lookup is under way.</summary>
    public bool IsResolving { get; private set; }

    /// <summary>DNS lookups started.</summary>
    public int Lookups { get; private set; }

    /// <summary>Times <see cref="MoveNext"/> moved on to another target.</summary>
    public int Failovers { get; private set; }

    /// <summary>Why no target is known (no SRV record, no resolver), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Looks the targets up again (DNS) or rewinds to the first (fixed), then calls <paramref name="done"/> with true
    /// when a target is known. A fixed target answers at once; a lookup answers on the event loop, and an answer
    /// overtaken by a later lookup is dropped.
    /// </summary>
    public void Refresh(Action<bool> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        _index = 0;
        if (!UsesDns)
        {
            done(true);
            return;
        }
        var generation = ++_generation;
        if (_resolver is null)
        {
            Settle([], $"no DNS resolver to look up {ServiceName}");
            done(false);
            return;
        }
        IsResolving = true;
        Lookups++;
        _resolver.Resolve(Domain, _protocol, found =>
        {
            if (generation != _generation) return;
            Settle(found, found.Count == 0 ? $"no SIP server found for {ServiceName}" : null);
            done(found.Count > 0);
        });
    }

    /// <summary>Moves on to the next target in failover order; false (and no move) when the current one is the last.</summary>
    public bool MoveNext()
    {
        if (_index + 1 >= _targets.Count) return false;
        _index++;
        Failovers++;
        return true;
    }

    /// <summary>Goes back to the first target.</summary>
    public void Rewind() => _index = 0;

    private void Settle(IReadOnlyList<SipServerTarget> found, string? problem)
    {
        IsResolving = false;
        _targets = found;
        _index = 0;
        Problem = problem;
    }

    /// <inheritdoc />
    public override string ToString() => UsesDns ? $"{ServiceName} ({_targets.Count} targets)" : Current?.ToString() ?? Domain;
}
