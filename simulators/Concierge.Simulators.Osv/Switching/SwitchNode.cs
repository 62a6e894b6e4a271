using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Osv.Switching;

/// <summary>One signalling node of the switch (a geo-separated OSV has two): its SIP user agent and whether its host is up.</summary>
public sealed record SwitchNode(string Name, SipUserAgent Agent, Func<bool> IsUp);
