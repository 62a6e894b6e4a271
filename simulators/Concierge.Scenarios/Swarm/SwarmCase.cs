using System.Globalization;
using Concierge.Runtime.Randomness;
using Concierge.Scenarios.Explore;
using Concierge.Scenarios.Faults;

namespace Concierge.Scenarios.Swarm;

/// <summary>
/// What one swarm seed runs, all drawn from the seed: a standard topology, a load (how long, how many actions), a
/// network fault profile (loss 0–30 %, latency, jitter, duplication, reordering) and a schedule of faults (link cuts
/// and restores, CPS crash and restart, standby failover, CSTA link loss).
/// </summary>
public sealed record SwarmCase(ulong Seed, string Topology, TimeSpan Duration, FaultProfile Faults, int FaultEvents)
{
    /// <summary>The case of <paramref name="seed"/> among <paramref name="topologies"/> (sorted, so the choice depends on the seed only).</summary>
    public static SwarmCase For(ulong seed, IReadOnlyList<string> topologies)
    {
        var random = new DeterministicRandom(seed).Split("swarm");
        var topology = topologies[random.Next(topologies.Count)];
        var duration = TimeSpan.FromMinutes(5 + random.Next(11));
        var latency = TimeSpan.FromMilliseconds(random.Next(0, 81));
        var jitter = TimeSpan.FromMilliseconds(random.Next(0, (int)latency.TotalMilliseconds / 2 + 1));
        var loss = Math.Round(random.NextDouble() * 30, 1);
        var duplicate = Math.Round(random.NextDouble() * 5, 1);
        var reorder = Math.Round(random.NextDouble() * 5, 1);
        var name = string.Create(CultureInfo.InvariantCulture, $"swarm-{seed}");
        var description = string.Create(CultureInfo.InvariantCulture,
            $"loss {loss} %, latency {latency.TotalMilliseconds} ± {jitter.TotalMilliseconds} ms, duplicate {duplicate} %, reorder {reorder} %");
        var faults = new FaultProfile(name, description, new LinkFaults(latency, jitter, loss, duplicate, reorder));
        return new SwarmCase(seed, topology, duration, faults, 1 + random.Next(6));
    }

    /// <summary>The exploration options of this case.</summary>
    public ExploreOptions Options => new(Duration, Topology, Faults);
}
