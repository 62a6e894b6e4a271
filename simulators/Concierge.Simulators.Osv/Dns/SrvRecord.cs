namespace Concierge.Simulators.Osv.Dns;

/// <summary>A DNS SRV record: service name (e.g. <c>_sip._udp.osvcluster.com</c>), priority (lower first), weight, port, target host name.</summary>
public sealed record SrvRecord(string Name, int Priority, int Weight, int Port, string Target);
