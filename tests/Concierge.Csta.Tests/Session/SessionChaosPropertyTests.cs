using Concierge.Csta.Devices;
using Concierge.Csta.Messages;
using Concierge.Csta.Session;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports.Simulated;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Csta.Tests.Session;

/// <summary>
/// One seed drives link quality, cuts, a switch that sometimes stops answering or answers slowly, devices coming and
/// going and a stream of requests. Once the faults stop, the session must converge: every request ended exactly once,
/// nothing pending, one monitor per wanted device on the switch and none for others, every lamp known.
/// </summary>
public sealed class SessionChaosPropertyTests
{
    private static readonly string[] Devices = Enumerable.Range(4001, 12).Select(n => n.ToString()).ToArray();

    [Fact]
    public void Session_converges_after_any_seeded_fault_schedule()
    {
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), seed => RunChaos(seed))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    private static bool RunChaos(int seed)
    {
        var random = new Random(seed);
        var link = new LinkProfile(TimeSpan.FromMilliseconds(random.Next(0, 30)), Jitter: TimeSpan.FromMilliseconds(random.Next(0, 40)),
            LossPercent: random.Next(0, 30));
        var f = new CstaLinkFixture((ulong)seed, link, o => o with
        {
            HeartbeatInterval = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(2),
            ReconnectMaxDelay = TimeSpan.FromSeconds(8),
            MonitorRetryDelay = TimeSpan.FromSeconds(1),
        });
        var silent = false;
        var monitorDelay = TimeSpan.Zero;
        f.Dispatcher.Register<SystemStatusRequest>((_, c) => { if (!silent) c.Respond(new SystemStatusResponse()); });
        f.Dispatcher.Register<MonitorStart>((request, c) =>
        {
            if (silent) return;
            f.Loop.ScheduleAfter(monitorDelay, () =>
            {
                // A switch's monitors die with their link: a late answer on a closed link starts nothing.
                if (c.Link.IsOpen) c.Respond(new MonitorStartResponse(f.Server.Publisher.Start(c.Link, request.Device)));
            });
        });
        f.Dispatcher.Register<MonitorStop>((request, c) =>
            c.Respond(f.Server.Publisher.Stop(c.Link, request.MonitorCrossRefId) ? new MonitorStopResponse() : CstaErrorResponse.InvalidCrossRef));
        f.Dispatcher.Register<GetDoNotDisturb>((_, c) => { if (!silent) c.Respond(new GetDoNotDisturbResponse(false)); });

        var endings = new Dictionary<int, int>();
        var requests = 0;
        f.Session.Start();
        for (var step = 0; step < 120; step++)
        {
            f.Loop.RunFor(TimeSpan.FromMilliseconds(random.Next(50, 2500)));
            switch (random.Next(12))
            {
                case 0: f.Network.Cut("concierge", "pabx"); break;
                case 1: f.Network.Restore("concierge", "pabx"); break;
                case 2: silent = !silent; break;
                case 3: monitorDelay = TimeSpan.FromMilliseconds(random.Next(0, 3500)); break;
                case 4: f.Field.Add(Devices[random.Next(Devices.Length)]); break;
                case 5: f.Field.Remove(Devices[random.Next(Devices.Length)]); break;
                default:
                    var id = requests++;
                    endings[id] = 0;
                    f.Session.Send(new GetDoNotDisturb(Devices[random.Next(Devices.Length)]), _ => endings[id]++);
                    break;
            }
            if (random.Next(20) == 0) f.Server.Publisher.Publish(Devices[random.Next(Devices.Length)], x => new DoNotDisturbEvent(x, "x", true));
        }

        // Heal and let the session settle.
        f.Network.Restore("concierge", "pabx");
        silent = false;
        monitorDelay = TimeSpan.Zero;
        f.Loop.RunFor(TimeSpan.FromSeconds(60));
        var settled = f.RunUntilReady(TimeSpan.FromSeconds(60)) && f.Loop.RunUntil(() => f.Server.Links.Count == 1, TimeSpan.FromSeconds(30));
        f.Loop.RunFor(TimeSpan.FromSeconds(10));

        var wanted = f.Session.Monitors.Select(m => m.Device).ToHashSet();
        var problems = new List<string>();
        if (!settled) problems.Add($"not settled: {f.Session.State}, links {f.Server.Links.Count}");
        if (endings.Values.Any(n => n != 1)) problems.Add($"requests ended {string.Join(",", endings.Where(e => e.Value != 1).Select(e => $"{e.Key}x{e.Value}"))}");
        if (!f.Loop.RunUntil(() => f.Session.PendingRequests == 0, TimeSpan.FromSeconds(10))) problems.Add($"{f.Session.PendingRequests} pending");
        foreach (var device in Devices)
        {
            var expected = wanted.Contains(device) ? 1 : 0;
            if (f.Server.Publisher.CountFor(device) != expected) problems.Add($"{device}: {f.Server.Publisher.CountFor(device)} switch monitors, wanted {expected}");
        }
        if (f.Session.Monitors.Any(m => m.Status != MonitorStatus.Active)) problems.Add("monitor not active");
        if (f.Field.All.Any(d => d.Lamp == LampState.Unknown)) problems.Add("lamp unknown");
        if (problems.Count > 0) throw new InvalidOperationException($"seed {seed}: {string.Join("; ", problems)}\n{string.Join("\n", f.Trace.RecentLines())}");
        return true;
    }
}
