using Concierge.Config.Numbers;

namespace Concierge.Config.Model;

/// <summary>The OSCC hunt groups of a pilot number routed by OpenScape Contact Center (C 4.5.4): initial (start) and music-on-hold.</summary>
public sealed record OsccHuntGroups(E164Number InitialHuntGroup, E164Number MusicOnHoldHuntGroup);
