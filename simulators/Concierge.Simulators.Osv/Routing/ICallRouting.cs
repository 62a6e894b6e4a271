namespace Concierge.Simulators.Osv.Routing;

/// <summary>
/// How a switch turns dialed numbers into targets: the OSV's numbering plans (<see cref="NumberRouter"/>) or another
/// PBX's routing (OpenScape 4000 LCR) plugged into the same switching core.
/// </summary>
public interface ICallRouting
{
    /// <summary>The digits a dialed number stands for (for feature codes the code itself, e.g. "*17").</summary>
    string Normalize(string dialed, string? businessGroup);

    /// <summary>Where <paramref name="digits"/> go first.</summary>
    RouteTarget Route(string digits);

    /// <summary>Where <paramref name="digits"/> go when their destination's routes all failed (fallback / reroute).</summary>
    RouteTarget RouteInBusinessGroup(string digits, string? businessGroup);

    /// <summary>The business group of a subscriber number, or the default one.</summary>
    string? BusinessGroupOf(string? number);
}
