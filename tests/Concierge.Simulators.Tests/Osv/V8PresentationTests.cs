using Concierge.Csta.Messages;
using Concierge.Csta.Session;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

/// <summary>
/// The OSV's CSTA application flag "Private Data Presentation – V8": with it, the monitor answer and the call events of
/// a Unify Phone ONS name the device as ONS with its OND; without it, nothing on the link says so (C 4.3.5.1).
/// </summary>
public sealed class V8PresentationTests
{
    private const string Ons = "+4950505807583";
    private const string Ond = "+4950505807683";
    private const string UnpairedOns = "+4950505807584";
    private const string UnpairedOnd = "+4950505807684";
    private const string Plain = "+4950505807580";
    private const string Caller = "+493011100001";

    private static OsvWorld WithoutV8() => new(OsvWorld.Variant("""
        extends: osv-unifyphone
        name: variant
        osv:
          csta:
            applications:
              uaCSTA: { privateDataPresentationV8: false }
        """), 56);

    private static Dictionary<string, StartedMonitor> Monitor(OsvWorld world, CstaClientSession session, params string[] devices)
    {
        var started = new Dictionary<string, StartedMonitor>();
        session.MonitorStarted += s => started[s.Device] = s;
        foreach (var device in devices) session.Monitor(device);
        Assert.True(world.Loop.RunUntil(() => started.Count == devices.Length, TimeSpan.FromSeconds(5)));
        return started;
    }

    [Fact]
    public void With_the_flag_the_monitor_answer_of_an_ons_names_its_ond_and_no_other_device_gets_private_data()
    {
        var world = new OsvWorld("osv-unifyphone", seed: 56);
        Assert.True(world.Osv.Config.PrivateDataPresentationV8);
        var session = world.ConnectCsta();
        var started = Monitor(world, session, Ons, UnpairedOns, Plain, Ond, "4950505807583", "+4950505805520");

        Assert.Equal(new OnsOndPair(Ons, Ond), started[Ons].PrivateData?.OnsOnd);
        Assert.Equal(new OnsOndPair(UnpairedOns, UnpairedOnd), started[UnpairedOns].PrivateData?.OnsOnd);
        Assert.Equal(new OnsOndPair("4950505807583", Ond), started["4950505807583"].PrivateData?.OnsOnd);
        Assert.Null(started[Plain].PrivateData);
        Assert.Null(started[Ond].PrivateData);
        Assert.Null(started["+4950505805520"].PrivateData);
        Assert.Equal(0, session.Counters.PrivateDataRejected);
    }

    [Fact]
    public void Without_the_flag_neither_monitor_answers_nor_call_events_carry_v8_private_data()
    {
        var world = WithoutV8();
        Assert.False(world.Osv.Config.PrivateDataPresentationV8);
        var session = world.ConnectCsta();
        var events = new List<MonitoredEvent>();
        session.EventReceived += events.Add;
        var started = Monitor(world, session, Ons, UnpairedOns);
        world.Callers.Dial("c1", Caller, Ons);
        world.Run(TimeSpan.FromSeconds(1));

        Assert.All(started.Values, s => Assert.Null(s.PrivateData));
        Assert.Contains(events, e => e.Device == Ons && e.Event is DeliveredEvent);
        Assert.All(events, e => Assert.Null(e.Event.PrivateData?.OnsOnd));
    }

    [Fact]
    public void Clearing_the_flag_on_a_running_osv_stops_the_presentation_for_later_messages()
    {
        var world = new OsvWorld("osv-unifyphone", seed: 57);
        var session = world.ConnectCsta();
        var events = new List<MonitoredEvent>();
        session.EventReceived += events.Add;
        Monitor(world, session, Ons);
        world.Osv.Csta.Events.V8.Enabled = false;
        world.Callers.Dial("c1", Caller, Ons);
        world.Run(TimeSpan.FromSeconds(1));

        Assert.Contains(events, e => e.Event is DeliveredEvent);
        Assert.All(events, e => Assert.Null(e.Event.PrivateData?.OnsOnd));
    }
}

/// <summary>A Unify Phone ONS's CSTA events flow only while it is a hunt group member flagged Attendant/Agent (C 4.3.5.2).</summary>
public sealed class UnifyPhoneOnsEventTests
{
    private const string Ons = "+4950505807583";
    private const string Caller = "+493011100001";

    [Fact]
    public void An_ons_not_flagged_attendant_agent_in_a_hunt_group_gets_no_csta_events()
    {
        var world = new OsvWorld(OsvWorld.Variant("""
            extends: osv-unifyphone
            name: variant
            osv:
              businessGroups:
                BG_Concierge:
                  huntGroups:
                    "+4950505805520":
                      members:
                        - { number: "+4950505807580", attendantAgent: true, canMakeHuntGroupBusy: true }
                        - { number: "+4950505807583", attendantAgent: false, canMakeHuntGroupBusy: true }
            """), 58);
        Assert.Contains(Ons, world.Osv.Csta.Events.SilentOns);
        Assert.DoesNotContain("+4950505807580", world.Osv.Csta.Events.SilentOns);
        var session = world.ConnectCsta();
        var events = new List<MonitoredEvent>();
        session.EventReceived += events.Add;
        var started = 0;
        session.MonitorStarted += _ => started++;
        session.Monitor(Ons);
        Assert.True(world.Loop.RunUntil(() => started == 1, TimeSpan.FromSeconds(5)));
        world.Callers.Dial("c1", Caller, Ons);
        world.Run(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(events, e => e.Device == Ons);
        Assert.Contains(world.Osv.Switch.Calls, c => c.DialedNumber == Ons);
    }

    [Fact]
    public void A_flagged_ons_gets_its_events()
    {
        var world = new OsvWorld("osv-unifyphone", seed: 58);
        Assert.Empty(world.Osv.Csta.Events.SilentOns);
        var session = world.ConnectCsta();
        var events = new List<MonitoredEvent>();
        session.EventReceived += events.Add;
        var started = 0;
        session.MonitorStarted += _ => started++;
        session.Monitor(Ons);
        Assert.True(world.Loop.RunUntil(() => started == 1, TimeSpan.FromSeconds(5)));
        world.Callers.Dial("c1", Caller, Ons);
        world.Run(TimeSpan.FromSeconds(2));
        Assert.Contains(events, e => e.Device == Ons && e.Event is DeliveredEvent);
    }
}
