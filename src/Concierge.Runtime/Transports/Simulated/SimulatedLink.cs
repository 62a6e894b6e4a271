namespace Concierge.Runtime.Transports.Simulated;

/// <summary>One direction between two hosts: its own profile (or the network default), cut state, and when its wire is free.</summary>
internal sealed class SimulatedLink(LinkProfile? explicitProfile)
{
    public LinkProfile? ExplicitProfile { get; set; } = explicitProfile;
    public bool IsCut { get; set; }
    public long WireFreeAtTicks { get; set; }
}
