using Concierge.Runtime.Randomness;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Sip.Auth;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Simulators.Osv.Registration;

/// <summary>
/// Builds the OSV registrar for dynamic SIP trunk endpoints: bindings are keyed by endpoint name, the Register Id (To
/// user) must equal an endpoint alias (case sensitive, else 404), the newest binding replaces the last, an interval
/// below the minimum deactivates the endpoint (seed C 6.3.1.3), and digest (MD5, no qop, password = Register Id) is optional.
/// </summary>
public static class OsvRegistrar
{
    /// <summary>The realm the OSV challenges with.</summary>
    public const string Realm = "osv";

    /// <summary>A registrar on <paramref name="stack"/> (its loop and clock) for every node of the switch.</summary>
    public static SipRegistrar Create(OsvConfig config, SipStack stack, DeterministicRandom nonces)
    {
        var options = new SipRegistrarOptions
        {
            MinExpires = config.MinimumRegisterInterval,
            MaxExpires = TimeSpan.FromDays(365),
            MaxBindingsPerAddress = 1,
            KeyOfAddress = uri => RegisterIds.EndpointOf(config, uri.User),
            DeactivateOnTooBrief = true,
        };
        var digest = config.DigestAuthentication
            ? new SipDigestServer(Realm, user => RegisterIds.EndpointOf(config, user) is null ? null : user, nonces)
            {
                Algorithms = [SipDigestAlgorithm.Md5],
                OfferQop = false,
                NonceLifetime = TimeSpan.FromDays(365),
                MaxNonces = 1000,
            }
            : null;
        return new SipRegistrar(stack, options, digest);
    }
}
