using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Simulators.Osv.Dns;

/// <summary>Copies the OSV nodes' SIP SRV and A records into the SIP library's simulated resolver (what a CPS looks up).</summary>
public static class SipResolverRecords
{
    /// <summary>Adds <c>_sip._udp.&lt;zone&gt;</c> of <paramref name="dns"/> to <paramref name="resolver"/>; returns the resolver.</summary>
    public static SimulatedSipResolver AddOsvNodes(this SimulatedSipResolver resolver, SimulatedDns dns, string zone)
    {
        foreach (var (record, endPoint) in dns.ResolveSrv(SimulatedDns.SipService(zone)))
        {
            resolver.AddSrv(zone, SipTransportProtocol.Udp, new SipSrvRecord(record.Priority, record.Weight, record.Port, record.Target));
            resolver.AddHost(record.Target, endPoint.Address);
        }
        return resolver;
    }
}
