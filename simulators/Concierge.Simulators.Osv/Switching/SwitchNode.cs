using Concierge.Simulators.Phones.Sip;

namespace Concierge.Simulators.Osv.Switching;

/// <summary>One signalling node of the switch (a geo-separated OSV has two): its SIP agent and whether its host is up.</summary>
public sealed record SwitchNode(string Name, SipAgent Agent, Func<bool> IsUp);
