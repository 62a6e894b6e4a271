using System.Net;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Sip.Registration;

namespace Concierge.Simulators.Osv.Registration;

/// <summary>Which dynamic endpoint a call came from: the one registered at that address, or with that address as alias.</summary>
public static class EndpointAddresses
{
    /// <summary>The endpoint whose registration or alias addresses include <paramref name="address"/>, or null.</summary>
    public static string? EndpointAt(OsvConfig config, SipRegistrar registrar, IPAddress address) => EndpointAt(config, registrar, new IPEndPoint(address, 0), matchPort: false);

    /// <summary>
    /// The endpoint whose registration Contact is <paramref name="source"/> (its address, and with
    /// <paramref name="matchPort"/> its port too: peers that share one address, as on loopback, are told apart by port),
    /// or whose alias addresses include its address; null otherwise.
    /// </summary>
    public static string? EndpointAt(OsvConfig config, SipRegistrar registrar, IPEndPoint source, bool matchPort)
    {
        var address = source.Address;
        foreach (var endpoint in config.Endpoints.Values.Where(e => e.Dynamic))
        {
            if (registrar.Bindings(endpoint.Name).LastOrDefault() is { } b
                && (matchPort ? b.ContactEndPoint().Equals(source) : b.ContactEndPoint().Address.Equals(address))) return endpoint.Name;
            if (endpoint.Aliases.Any(a => IPAddress.TryParse(a, out var ip) && ip.Equals(address))) return endpoint.Name;
        }
        return null;
    }
}
