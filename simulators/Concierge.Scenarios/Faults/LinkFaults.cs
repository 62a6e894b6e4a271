using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Scenarios.Faults;

/// <summary>Impairments applied to one network link: latency and jitter, loss, duplication and reordering in percent.</summary>
public sealed record LinkFaults(TimeSpan Latency, TimeSpan Jitter, double LossPercent, double DuplicatePercent, double ReorderPercent)
{
    /// <summary>The runtime's link profile with these impairments.</summary>
    public LinkProfile ToLinkProfile() => new LinkProfile(Latency, Jitter, LossPercent, DuplicatePercent, ReorderPercent).Validated();
}
