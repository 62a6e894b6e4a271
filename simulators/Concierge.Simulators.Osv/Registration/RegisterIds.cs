using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Osv.Registration;

/// <summary>Which dynamic endpoint a Register Id names: the one with that alias, compared case sensitively.</summary>
public static class RegisterIds
{
    /// <summary>The name of the dynamic endpoint whose aliases include <paramref name="registerId"/>, or null.</summary>
    public static string? EndpointOf(OsvConfig config, string? registerId) =>
        registerId is null ? null
            : config.Endpoints.Values.FirstOrDefault(e => e.Dynamic && e.Aliases.Contains(registerId, StringComparer.Ordinal))?.Name;
}
