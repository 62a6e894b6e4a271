namespace Concierge.Simulators.Oscc.Configuration;

/// <summary>The simulated OpenScape Contact Center as read from a topology's <c>oscc:</c> section.</summary>
public sealed record OsccConfig(string Host, string Pbx, int CstaPort, string RoutingMode, string WhenDown, IReadOnlyList<OsccQueueConfig> Queues);

/// <summary>
/// One OSCC queue: the pilot it routes, the initial and music-on-hold hunt groups its calls wait in, and its agents
/// (the attendant devices, logged on as agents when their attendants log on).
/// </summary>
/// <param name="InitialWait">How long a call waits in the initial hunt group (ringing) before OSCC moves it to the music-on-hold group.</param>
public sealed record OsccQueueConfig(string Name, string Pilot, string InitialHuntGroup, string MusicOnHoldHuntGroup, IReadOnlyList<string> Agents, TimeSpan InitialWait);
