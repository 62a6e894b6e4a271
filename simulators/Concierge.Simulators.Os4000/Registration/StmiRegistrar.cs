using Concierge.Runtime.Randomness;
using Concierge.Simulators.Os4000.Configuration;
using Concierge.Simulators.Os4000.Lcr;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Simulators.Os4000.Registration;

/// <summary>
/// The STMI's registrar ("Allow SIP Register for Trunking", the CPS registered as external gateway GKREG): any
/// registration it takes binds the CPS trunk group's endpoint; with registering not allowed every REGISTER gets 404
/// and the trunk is never seizable.
/// </summary>
public static class StmiRegistrar
{
    /// <summary>A registrar on <paramref name="stack"/> for the STMI trunk of <paramref name="config"/>.</summary>
    public static SipRegistrar Create(Os4000Config config, SipStack stack, DeterministicRandom nonces)
    {
        var endpoint = LcrRouter.TrunkEndpoint(config.Stmi.TrunkGroup);
        var options = new SipRegistrarOptions
        {
            MinExpires = TimeSpan.FromSeconds(60),
            MaxExpires = TimeSpan.FromDays(365),
            MaxBindingsPerAddress = 1,
            KeyOfAddress = _ => config.Stmi.AllowSipRegisterForTrunking ? endpoint : null,
        };
        return new SipRegistrar(stack, options);
    }
}
