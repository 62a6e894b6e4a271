using Concierge.Csta.Messages;
using Concierge.Csta.Session;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Csta.Tests.Session;

public sealed class LinkFaultTests
{
    private static readonly string[] Devices = Enumerable.Range(3001, 20).Select(n => n.ToString()).ToArray();

    private static CstaLinkFixture Start(ulong seed, LinkProfile? link = null)
    {
        var f = new CstaLinkFixture(seed, link, o => o with
        {
            HeartbeatInterval = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(2),
            ReconnectInitialDelay = TimeSpan.FromSeconds(1),
            ReconnectMaxDelay = TimeSpan.FromSeconds(8),
        });
        foreach (var device in Devices) f.Field.Add(device);
        f.Session.Start();
        return f;
    }

    [Fact]
    public void Link_cut_fails_pending_requests_then_monitors_come_back_once_without_duplicates()
    {
        var f = Start(seed: 3);
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(10)));
        f.Dispatcher.Register<MakeCall>((_, _) => { });
        var outcomes = new List<CstaRequestOutcome>();
        f.Session.Send(new MakeCall("3001", "3002"), outcomes.Add, TimeSpan.FromSeconds(30));

        f.Network.Cut("concierge", "pabx");
        Assert.True(f.Loop.RunUntil(() => f.Session.State != CstaLinkState.Ready, TimeSpan.FromSeconds(60)), string.Join("\n", f.Trace.RecentLines()));
        Assert.Equal(CstaOutcomeKind.LinkLost, Assert.Single(outcomes).Kind);
        Assert.Equal(0, f.Session.PendingRequests);

        f.Loop.RunFor(TimeSpan.FromMinutes(2));
        Assert.NotEqual(CstaLinkState.Ready, f.Session.State);
        var attemptsWhileCut = f.Session.Counters.ConnectAttempts;
        Assert.InRange(attemptsWhileCut, 5, 30);

        f.Network.Restore("concierge", "pabx");
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(30)), string.Join("\n", f.Trace.RecentLines()));
        f.Loop.RunFor(TimeSpan.FromSeconds(30));
        Assert.True(f.Loop.RunUntil(() => f.Server.Links.Count == 1, TimeSpan.FromSeconds(30)));
        f.AssertOneMonitorPerDevice();
        Assert.All(f.Session.Monitors, m => Assert.Equal(2, m.Starts));
    }

    [Fact]
    public void Slow_monitor_answers_never_leave_duplicate_monitors()
    {
        var f = new CstaLinkFixture(5, options: o => o with { RequestTimeout = TimeSpan.FromSeconds(1), MonitorRetryDelay = TimeSpan.FromMilliseconds(500) });
        var slow = true;
        f.Dispatcher.Register<MonitorStart>((request, context) =>
        {
            var delay = slow ? TimeSpan.FromMilliseconds(1500) : TimeSpan.Zero;
            f.Loop.ScheduleAfter(delay, () =>
            {
                if (context.Link.IsOpen) context.Respond(new MonitorStartResponse(f.Server.Publisher.Start(context.Link, request.Device)));
            });
        });
        f.Dispatcher.Register<MonitorStop>((request, context) =>
            context.Respond(f.Server.Publisher.Stop(context.Link, request.MonitorCrossRefId) ? new MonitorStopResponse() : CstaErrorResponse.InvalidCrossRef));
        foreach (var device in Devices.Take(5)) f.Field.Add(device);
        f.Session.Start();
        f.Loop.RunFor(TimeSpan.FromSeconds(5));
        slow = false;
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(10)));
        f.Loop.RunFor(TimeSpan.FromSeconds(10));
        f.AssertOneMonitorPerDevice();
        Assert.True(f.Session.Counters.RequestTimeouts >= 5);
        Assert.True(f.Session.Counters.DuplicateMonitorsStopped >= 1, $"duplicates stopped {f.Session.Counters.DuplicateMonitorsStopped}");
    }

    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    [InlineData(13UL)]
    public void Lossy_link_with_cuts_every_request_ends_once_and_monitors_converge(ulong seed)
    {
        var lossy = new LinkProfile(TimeSpan.FromMilliseconds(20), Jitter: TimeSpan.FromMilliseconds(30), LossPercent: 15);
        var f = Start(seed, lossy);
        f.Dispatcher.Register<GetDoNotDisturb>((_, context) => context.Respond(new GetDoNotDisturbResponse(false)));
        var random = new Random((int)seed);
        var sent = 0;
        var outcomes = new Dictionary<CstaOutcomeKind, int>();
        var ended = 0;
        for (var minute = 0; minute < 6; minute++)
        {
            for (var i = 0; i < 50; i++)
            {
                f.Loop.RunFor(TimeSpan.FromMilliseconds(random.Next(100, 1000)));
                sent++;
                f.Session.Send(new GetDoNotDisturb(Devices[random.Next(Devices.Length)]), o =>
                {
                    ended++;
                    outcomes[o.Kind] = outcomes.GetValueOrDefault(o.Kind) + 1;
                });
            }
            if (minute % 2 == 1)
            {
                f.Network.Cut("concierge", "pabx");
                f.Loop.RunFor(TimeSpan.FromSeconds(random.Next(5, 40)));
                f.Network.Restore("concierge", "pabx");
            }
        }
        f.Loop.RunFor(TimeSpan.FromSeconds(40));
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(60)), string.Join("\n", f.Trace.RecentLines()));
        f.Loop.RunFor(TimeSpan.FromSeconds(20));

        Assert.Equal(sent, ended);
        Assert.Equal(0, f.Session.PendingRequests);
        Assert.True(outcomes.GetValueOrDefault(CstaOutcomeKind.Response) > sent / 2, string.Join(", ", outcomes));
        Assert.True(f.Loop.RunUntil(() => f.Server.Links.Count == 1, TimeSpan.FromSeconds(30)));
        f.AssertOneMonitorPerDevice();
        Assert.True(f.Session.Counters.LinksLost >= 1);
    }

    [Fact]
    public void Same_seed_gives_the_same_trace()
    {
        static string Run()
        {
            var f = Start(21, new LinkProfile(TimeSpan.FromMilliseconds(5), Jitter: TimeSpan.FromMilliseconds(10), LossPercent: 10));
            f.Loop.RunFor(TimeSpan.FromSeconds(20));
            f.Network.Cut("concierge", "pabx");
            f.Loop.RunFor(TimeSpan.FromSeconds(30));
            f.Network.Restore("concierge", "pabx");
            f.Loop.RunFor(TimeSpan.FromSeconds(30));
            return f.Trace.HashHex();
        }
        Assert.Equal(Run(), Run());
    }
}
