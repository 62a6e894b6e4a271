namespace Concierge.Sip.Registration;

/// <summary>One DNS SRV record (RFC 2782) for a SIP service, e.g. _sip._udp.example.com.</summary>
public sealed record SipSrvRecord(int Priority, int Weight, int Port, string Target);
