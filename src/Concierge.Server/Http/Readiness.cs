using Concierge.Cps.Node;
using Concierge.Csta.Session;

namespace Concierge.Server.Http;

/// <summary>What keeps a node from being ready: not running, config mode, an active trunk not registered, a configured CSTA link not up, the database not answering.</summary>
public static class Readiness
{
    /// <summary>The reasons <paramref name="status"/> is not ready, in words; empty when it is ready.</summary>
    public static IReadOnlyList<string> NotReady(CpsNodeStatus status, string? databaseProblem = null)
    {
        var reasons = new List<string>();
        if (databaseProblem is not null) reasons.Add($"the database does not answer ({databaseProblem})");
        if (!status.Running)
        {
            reasons.Add("the CPS is not running");
            return reasons;
        }
        if (status.ConfigMode) reasons.Add("the CPS runs in config mode");
        if (status.Active && !status.Registered)
            reasons.Add($"the trunk is not registered (registration {status.Registration}{(status.RegistrationError is { } error ? ": " + error : "")})");
        if (status.CstaLink is { } link && link != CstaLinkState.Ready) reasons.Add($"the CSTA link is not up ({link})");
        return reasons;
    }
}
