using Concierge.Csta.Messages;
using Concierge.Runtime.Collections;
using Concierge.Csta.Session;

namespace Concierge.Csta.Tests.Session;

/// <summary>A device resync whose snapshot timed out is asked again (a bounded number of times) while the link is up.</summary>
public sealed class ResyncRetryTests
{
    private static (CstaLinkFixture Fixture, List<DeviceResync> Resyncs, Func<int> Asked) Start(int unanswered)
    {
        var fixture = new CstaLinkFixture();
        var asked = 0;
        fixture.Dispatcher.Register<SnapshotDevice>((_, context) =>
        {
            if (++asked > unanswered) context.Respond(new SnapshotDeviceResponse(ValueList<SnapshotCall>.Empty));
        });
        var resyncs = new List<DeviceResync>();
        fixture.Session.DeviceResynced += resyncs.Add;
        fixture.Field.Add("3001");
        fixture.Session.Start();
        Assert.True(fixture.RunUntilReady(TimeSpan.FromSeconds(10)));
        return (fixture, resyncs, () => asked);
    }

    [Fact]
    public void A_snapshot_that_timed_out_is_asked_again_and_its_answer_used()
    {
        var (f, resyncs, asked) = Start(unanswered: 1);
        Assert.True(f.Loop.RunUntil(() => resyncs.Count > 0, TimeSpan.FromSeconds(30)));
        f.Loop.RunFor(TimeSpan.FromSeconds(30));

        var resync = Assert.Single(resyncs);
        Assert.NotNull(resync.Calls);
        Assert.Equal(2, asked());
    }

    [Fact]
    public void A_snapshot_never_answered_gives_up_after_the_last_attempt()
    {
        var (f, resyncs, asked) = Start(unanswered: int.MaxValue);
        Assert.True(f.Loop.RunUntil(() => resyncs.Count > 0, TimeSpan.FromSeconds(60)));
        f.Loop.RunFor(TimeSpan.FromSeconds(60));

        var resync = Assert.Single(resyncs);
        Assert.Null(resync.Calls);
        Assert.Equal(CstaClientSession.ResyncAttempts, asked());
    }
}
