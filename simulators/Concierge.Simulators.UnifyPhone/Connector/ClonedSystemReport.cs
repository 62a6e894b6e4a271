using System.Net;

namespace Concierge.Simulators.UnifyPhone.Connector;

/// <summary>
/// A second system registered on a trunk another system holds (U 5.3: a cloned or restored system kept the connector
/// configuration active). The connector refuses the second registration and reports this error.
/// </summary>
public sealed record ClonedSystemReport(DateTimeOffset At, string Trunk, IPAddress RegisteredSystem, IPAddress SecondSystem)
{
    /// <summary>The error text.</summary>
    public string Message =>
        $"a second system ({SecondSystem}) registered on trunk {Trunk} of the telephony connector, which the system at {RegisteredSystem} holds: " +
        "uninstall the Unify Phone connector before cloning or backing up a system";
}
