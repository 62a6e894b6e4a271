using Concierge.Config.Topology;
using Concierge.Runtime.Loop;
using Concierge.Scenarios.Explore;

namespace Concierge.Scenarios.Swarm;

/// <summary>
/// The swarm's fault schedule for one seed: at random times during the random actions, a link between the CPS host
/// and another host is cut (and restored), the CPS crashes (and restarts), the main server fails (standby failover,
/// where the topology has a standby), or the CSTA link is lost (and comes back). Faults still open when the actions
/// end are healed before the world drains. A PBX restart is not offered: no world simulates one yet.
/// </summary>
public static class SwarmFaults
{
    /// <summary>
    /// Longest a standby may take to serve after the main server fails: its loop-call watch (a few seconds), the
    /// takeover and a registration at the PBX over a network that may lose up to 30 % of the packets.
    /// </summary>
    public static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(90);

    /// <summary>Schedules <paramref name="events"/> faults for the chaos of one exploration.</summary>
    public static void Schedule(ExploreChaos chaos, int events)
    {
        var random = chaos.World.Random.Split("swarm.faults");
        var system = chaos.System;
        var topology = chaos.World.Topology!;
        var cpsHost = (topology.Configuration as TopologyDocument)?.Concierge?.Cps.Host;
        var others = topology.HostAddresses.Keys.Where(h => h != cpsHost).Order(StringComparer.Ordinal).ToList();
        var span = chaos.End - chaos.World.Loop.Now;
        var kinds = new List<Action>();
        if (system.Network is { } network && cpsHost is not null && others.Count > 0)
            kinds.Add(() =>
            {
                var other = others[random.Next(others.Count)];
                var what = $"restore the link {cpsHost}–{other}";
                if (!chaos.Do($"cut the link {cpsHost}–{other}", () => network.Cut(cpsHost, other))) return;
                chaos.NeedsRepair(what, () => network.Restore(cpsHost, other));
                chaos.World.Loop.ScheduleAfter(TimeSpan.FromSeconds(1 + random.Next(40)), () =>
                {
                    chaos.Repaired(what);
                    chaos.Do(what, () => network.Restore(cpsHost, other));
                });
            });
        if (system.Cps is { } cps)
            kinds.Add(() =>
            {
                const string what = "the CPS restarts";
                if (!chaos.Do("the CPS crashes", cps.Fail)) return;
                chaos.NeedsRepair(what, cps.Restart);
                chaos.World.Loop.ScheduleAfter(TimeSpan.FromSeconds(2 + random.Next(60)), () =>
                {
                    chaos.Repaired(what);
                    chaos.Do(what, cps.Restart);
                });
            });
        if (system.Redundancy is { } redundancy)
            kinds.Add(() =>
            {
                if (!chaos.Do("the main server fails (standby failover)", redundancy.FailMainServer)) return;
                var failedAt = chaos.World.Elapsed;
                chaos.World.Loop.ScheduleAfter(TakeoverBound, () =>
                {
                    if (redundancy.ActiveServer == "none")
                        chaos.Violated($"{chaos.World.Elapsed} standby takeover within its bound: no server takes calls {TakeoverBound.TotalSeconds:0} s after the main server failed at {failedAt}");
                });
            });
        if (system.Csta is { } csta)
            kinds.Add(() =>
            {
                const string what = "the CSTA link comes back";
                if (!chaos.Do("the CSTA link is lost", csta.Fail)) return;
                chaos.NeedsRepair(what, csta.Restore);
                chaos.World.Loop.ScheduleAfter(TimeSpan.FromSeconds(3 + random.Next(60)), () =>
                {
                    chaos.Repaired(what);
                    chaos.Do(what, csta.Restore);
                });
            });
        QuiescenceChecks(chaos);
        if (kinds.Count == 0) return;
        for (var i = 0; i < events; i++)
        {
            var at = TimeSpan.FromTicks((long)(random.NextDouble() * span.Ticks * 0.8));
            var kind = kinds[random.Next(kinds.Count)];
            chaos.World.Loop.ScheduleAfter(at, () =>
            {
                if (chaos.World.Loop.Now < chaos.End) kind();
            });
        }
    }

    /// <summary>
    /// After the drain, no CPS that runs has a SIP transaction still open that was open when the drain began, and no
    /// handler fault was contained.
    /// </summary>
    private static void QuiescenceChecks(ExploreChaos chaos)
    {
        if (chaos.System is not Worlds.Osv.OsvWorld osv) return;
        // Keep-alives, registrations and the standby's loop calls open transactions all the time: a transaction that
        // was open when the drain began and is still open at its end (5 minutes, far beyond 64 × T1) is stuck.
        var openAtDrain = new HashSet<Sip.Transactions.SipTransaction>(ReferenceEqualityComparer.Instance);
        chaos.AtDrainStart(() =>
        {
            foreach (var node in osv.Nodes.Where(n => n.IsRunning && n.Node.Stack is not null))
                openAtDrain.UnionWith(node.Node.Stack!.Transactions.LiveTransactions.Where(t => !t.IsTerminated));
        });
        chaos.CheckAfterDrain("no open SIP transaction after quiescence", () =>
        {
            var stuck = osv.Nodes.Where(n => n.IsRunning && n.Node.Stack is not null)
                .SelectMany(n => n.Node.Stack!.Transactions.LiveTransactions.Where(t => !t.IsTerminated && openAtDrain.Contains(t)).Select(t => $"{n.Server}: {t}"))
                .ToList();
            return stuck.Count == 0 ? null : string.Join(", ", stuck.Take(5));
        });
        chaos.CheckAfterDrain("no handler fault", () =>
        {
            var faults = osv.Nodes.Where(n => n.Node.Stack is { HandlerFaults: > 0 }).Select(n => $"{n.Server}: {n.Node.Stack!.HandlerFaults}").ToList();
            return faults.Count == 0 ? null : "SIP handler faults contained: " + string.Join(", ", faults);
        });
    }
}
