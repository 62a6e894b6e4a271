using Concierge.Runtime.Collections;
using Concierge.Config.Model;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;

namespace Concierge.Cps.Tests.Engine;

public sealed class VariantAndOverloadTests
{
    [Fact]
    public void Max_time_in_queue_sends_the_call_to_the_time_overflow_variant()
    {
        var cps = new CpsHarness();
        var leg = cps.Call("3201", "+493011100001");
        var call = cps.CallFrom("+493011100001");

        cps.Pass(TimeSpan.FromSeconds(119));
        Assert.Empty(cps.Legs.Forwards);
        cps.Pass(TimeSpan.FromSeconds(1));

        Assert.Equal((leg, CpsHarness.N("7890")), Assert.Single(cps.Legs.Forwards));
        Assert.Equal(CallDisposition.Overflow, call.Record.Disposition);
        Assert.Empty(cps.Engine.Channels.Held);
        cps.Check();
    }

    [Fact]
    public void Night_variant_busy_gives_busy_tone()
    {
        var cps = new CpsHarness();
        Assert.True(cps.Engine.SetNightVariant(CpsHarness.N("3201"), "Service Hotline - Busy").Succeeded);

        var leg = cps.Call("3201");

        Assert.Equal((leg, RejectReason.Busy), Assert.Single(cps.Legs.Rejects));
        Assert.Equal(CallDisposition.Busy, cps.Engine.Records.Single().Disposition);
        cps.Check();
    }

    [Fact]
    public void Night_variant_announcement_plays_and_then_clears_the_call()
    {
        var cps = new CpsHarness();
        cps.Engine.SetNightVariant(CpsHarness.N("3201"), "Night Variant external");

        var leg = cps.Call("3201");

        Assert.Equal(MediaSource.Announcement("DEFAULT-NotAvailable.ende"), cps.Legs.Hears[leg]);
        Assert.Equal(CallDisposition.Announcement, cps.Engine.Records.Single().Disposition);
        Assert.Equal(1, cps.Engine.Channels.ProcessingInUse);
        cps.Check();
        cps.Pass(TimeSpan.FromSeconds(6));
        Assert.Contains(leg, cps.Legs.Released);
        Assert.Empty(cps.Engine.Channels.Held);
        cps.Check();
    }

    [Fact]
    public void Night_variant_forwarding_forwards_the_call()
    {
        var cps = new CpsHarness();
        cps.Engine.SetNightVariant(CpsHarness.N("3201"), "Night Variant internal");

        var leg = cps.Call("3201");

        Assert.Equal((leg, CpsHarness.N("7890")), Assert.Single(cps.Legs.Forwards));
        Assert.Equal(CallDisposition.Forwarded, cps.Engine.Records.Single().Disposition);
        cps.Check();
    }

    [Fact]
    public void Unknown_night_variants_are_refused_clearly()
    {
        var cps = new CpsHarness();
        Assert.Contains("no night variant named", cps.Engine.SetNightVariant(CpsHarness.N("3201"), "nope").Error);
        Assert.Contains("not a pilot number", cps.Engine.SetNightVariant(CpsHarness.N("7580"), "Night Variant internal").Error);
    }

    private static CpsHarness Small(OverloadSettings? overload = null) => new(adjust: c => c with
    {
        // 6 channels, ratio 1: 2 processing, 4 operational.
        Cps = c.Cps with { Channels = 6, ChannelRatio = 1 },
        DdiEntries = c.DdiEntries.Select(e => overload is null ? e : e with { Overload = overload }).ToValueList(),
    });

    [Fact]
    public void Overload_busy_refuses_new_calls_once_processing_channels_are_exhausted_after_the_alert()
    {
        var cps = Small();
        var alerts = new List<string>();
        cps.Engine.Notified += n => { if (n.Kind == Cps.Engine.CpsNotificationKind.ChannelAlertRaised) alerts.Add(n.Text); };
        cps.Call("3201", "+493011100001");
        Assert.False(cps.Engine.ChannelAlertActive);
        cps.Call("3201", "+493011100002");
        Assert.True(cps.Engine.ChannelAlertActive);
        Assert.Single(alerts);

        var third = cps.Call("3201", "+493011100003");

        Assert.Equal((third, RejectReason.Busy), Assert.Single(cps.Legs.Rejects));
        Assert.Equal(CallDisposition.Busy, cps.Engine.Records.Last().Disposition);
        cps.Check();
    }

    [Fact]
    public void Overload_forward_sends_new_calls_to_the_overload_destination()
    {
        var cps = Small(new OverloadSettings(OverloadAction.Forward, CpsHarness.N("7001")));
        cps.Call("3201", "+493011100001");
        cps.Call("3201", "+493011100002");

        var third = cps.Call("3201", "+493011100003");

        Assert.Equal((third, CpsHarness.N("7001")), Assert.Single(cps.Legs.Forwards));
        Assert.Equal(CallDisposition.Forwarded, cps.Engine.Records.Last().Disposition);
        cps.Check();
    }

    [Fact]
    public void Exhausted_processing_channels_leave_operational_use_possible()
    {
        var cps = Small();
        cps.Call("3201", "+493011100001");
        cps.Call("3201", "+493011100002");
        cps.LogOn("7580");
        cps.AttendantAnswers("7580"); // the first caller talks to 7580 and leaves its processing channel
        cps.Call("3201", "+493011100003");
        Assert.True(cps.Engine.Channels.IsOverloaded);

        Assert.True(cps.Engine.Park(CpsHarness.N("7580")).Succeeded);
        var (_, requestNumber) = cps.Pbx.Transfers.Single();
        cps.Engine.OnIncomingLeg(new LegId(77), requestNumber, "+493011100001");

        Assert.Equal(Cps.Calls.ProcessingState.Parked, cps.CallFrom("+493011100001").Processing);
        Assert.Equal(2, cps.Engine.Channels.ProcessingInUse);
        // One operational channel carries the parked call, another rings 7580 for the next caller.
        Assert.Equal(2, cps.Engine.Channels.OperationalInUse);
        Assert.Equal("+493011100002", cps.Engine.Attendant(CpsHarness.N("7580"))!.CurrentCall!.Caller);
        cps.Check();
    }
}
