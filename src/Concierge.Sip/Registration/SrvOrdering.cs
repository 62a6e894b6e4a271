using Concierge.Runtime.Randomness;

namespace Concierge.Sip.Registration;

/// <summary>
/// Orders SRV records as RFC 2782 says: ascending priority; within one priority a weighted random draw (records
/// of weight 0 first in the running sum, so they are chosen rarely), repeated until the priority is used up.
/// </summary>
public static class SrvOrdering
{
    /// <summary>The records in the order a client should try them, drawing from <paramref name="random"/>.</summary>
    public static IReadOnlyList<SipSrvRecord> Order(IEnumerable<SipSrvRecord> records, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(random);
        var ordered = new List<SipSrvRecord>();
        foreach (var group in records.GroupBy(r => r.Priority).OrderBy(g => g.Key))
        {
            var remaining = group.OrderBy(r => r.Weight == 0 ? 0 : 1).ToList();
            while (remaining.Count > 0)
            {
                var total = remaining.Sum(r => (long)Math.Max(0, r.Weight));
                var draw = total == 0 ? 0 : random.NextInt64(total + 1);
                long running = 0;
                var chosen = remaining.Count - 1;
                for (var i = 0; i < remaining.Count; i++)
                {
                    running += Math.Max(0, remaining[i].Weight);
                    if (running >= draw)
                    {
                        chosen = i;
                        break;
                    }
                }
                ordered.Add(remaining[chosen]);
                remaining.RemoveAt(chosen);
            }
        }
        return ordered;
    }

    /// <summary>The SRV owner name for a domain and transport: _sip._udp, _sip._tcp or _sips._tcp.</summary>
    public static string ServiceName(string domain, Transport.SipTransportProtocol protocol) => protocol switch
    {
        Transport.SipTransportProtocol.Tcp => "_sip._tcp." + domain,
        Transport.SipTransportProtocol.Tls => "_sips._tcp." + domain,
        _ => "_sip._udp." + domain,
    };
}
