using Concierge.Runtime.Randomness;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Simulators.Osv.Routing;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Simulators.Osv.Switching;

/// <summary>
/// What makes the shared switching core one PBX or another: its name (SIP agent and trace source), its routing and its
/// registrar. The defaults are the OpenScape Voice's; the OpenScape 4000 simulator plugs in LCR and its STMI registrar.
/// </summary>
public sealed record SwitchOptions
{
    /// <summary>The OSV's options.</summary>
    public static SwitchOptions Osv { get; } = new();

    /// <summary>The switch's name: its SIP agent's and its trace lines' source.</summary>
    public string Name { get; init; } = "osv";

    /// <summary>The routing, given the configuration; null: the OSV numbering plans.</summary>
    public Func<OsvConfig, ICallRouting>? Routing { get; init; }

    /// <summary>The registrar for dynamic endpoints, given the configuration, the stack and nonces; null: the OSV's.</summary>
    public Func<OsvConfig, SipStack, DeterministicRandom, SipRegistrar>? Registrar { get; init; }
}
