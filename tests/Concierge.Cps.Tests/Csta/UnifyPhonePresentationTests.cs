using Concierge.Config.Numbers;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Csta.Messages;
using Concierge.Csta.Session;

namespace Concierge.Cps.Tests.Csta;

/// <summary>
/// The CPS learns which attendant devices are Unify Phone ONS from the PBX: OSV V8 private data on the MonitorStart
/// answer (and on call events) of the device, on a switch whose CSTA application has "Private Data Presentation – V8".
/// </summary>
public sealed class UnifyPhonePresentationTests
{
    private const string PairedOns = "+4950505807583";
    private const string PairedOnd = "+4950505807683";
    private const string UnpairedOns = "+4950505807584";
    private const string UnpairedOnd = "+4950505807684";
    private const string Desk = "+4950505807580";

    private readonly CstaControlWorld _world = new(5, "osv-unifyphone");

    /// <summary>What the simulated switch puts on a MonitorStart answer, by device (null: nothing).</summary>
    private readonly Dictionary<string, PrivateData?> _monitorAnswerData = new(StringComparer.Ordinal);

    public UnifyPhonePresentationTests()
    {
        _world.Dispatcher.Register<MonitorStart>((r, c) => c.Respond(new MonitorStartResponse(_world.Server.Publisher.Start(c.Link, r.Device))
        {
            PrivateData = _monitorAnswerData.GetValueOrDefault(r.Device),
        }));
    }

    private static E164Number N(string number) => E164Number.Parse(number);

    /// <summary>The switch presents both Unify Phone ONS with their OND, as an OSV with the V8 flag does.</summary>
    private void V8FlagSet()
    {
        _monitorAnswerData[PairedOns] = PrivateData.ForOnsOnd(PairedOns, PairedOnd);
        _monitorAnswerData[UnpairedOns] = PrivateData.ForOnsOnd(UnpairedOns, UnpairedOnd);
    }

    private void Connect()
    {
        _world.Session.Start();
        Assert.True(_world.Loop.RunUntil(() => _world.Session.Monitors.All(m => m.Status == MonitorStatus.Active), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void With_the_V8_flag_the_monitor_answers_tell_the_CPS_which_devices_are_ONS()
    {
        V8FlagSet();
        Connect();

        Assert.Equal(new Dictionary<E164Number, E164Number> { [N(PairedOns)] = N(PairedOnd), [N(UnpairedOns)] = N(UnpairedOnd) },
            _world.Control.UnifyPhoneOns.ToDictionary(p => p.Key, p => p.Value));
        Assert.True(_world.Engine.Attendant(N(PairedOns))!.CanControlCalls);
        Assert.False(_world.Engine.Attendant(N(UnpairedOns))!.CanControlCalls);
        Assert.Null(_world.Engine.Attendant(N(Desk))!.UnifyPhoneOnd);

        // The unpaired ONS logs on but is not pushed a call and cannot take one (C 4.3.5.2).
        Assert.True(_world.Engine.LogOn(N(UnpairedOns)).Succeeded);
        _world.Engine.OnIncomingLeg(new LegId(1), N("+4950505803201"), "+493011100001");
        Assert.Empty(_world.Legs.Dials);
        Assert.False(_world.Engine.PickNext(N(UnpairedOns)).Succeeded);
        Assert.Equal(0, _world.Control.UnusableUnifyPhoneData);
    }

    [Fact]
    public void Without_the_V8_flag_the_CPS_does_not_know_the_ONS_and_pushes_calls_it_cannot_control()
    {
        Connect();

        Assert.Empty(_world.Control.UnifyPhoneOns);
        var unpaired = _world.Engine.Attendant(N(UnpairedOns))!;
        Assert.Null(unpaired.UnifyPhoneOnd);
        // The consequence: the CPS takes the Unify Phone ONS for a desk phone. It lets the attendant there take calls
        // and pushes them to the ONS although, without a registered ONS/OND pair, the call cannot be answered, cleared
        // or transferred from Concierge (C 4.3.5.2). That is why the flag is required on the OSV (C 4.3.5.1).
        Assert.True(unpaired.CanControlCalls);
        Assert.True(_world.Engine.LogOn(N(UnpairedOns)).Succeeded);
        _world.Engine.OnIncomingLeg(new LegId(1), N("+4950505803201"), "+493011100001");
        Assert.Equal(N(UnpairedOns), Assert.Single(_world.Legs.Dials).Target);
    }

    [Fact]
    public void V8_private_data_on_a_call_event_of_the_device_is_learned_too()
    {
        Connect();
        _world.Server.Publisher.Publish(UnpairedOns, x => new DeliveredEvent(x, new ConnectionId("c1", UnpairedOns), EventDevice.Of(UnpairedOns),
            EventDevice.Of("+493011100001"), EventDevice.Of(UnpairedOns), null, LocalConnectionState.Alerting, EventCause.NewCall)
        {
            PrivateData = PrivateData.ForOnsOnd(UnpairedOns, UnpairedOnd),
        });
        _world.Loop.RunFor(TimeSpan.FromMilliseconds(100));

        Assert.Equal(N(UnpairedOnd), _world.Engine.Attendant(N(UnpairedOns))!.UnifyPhoneOnd);
        Assert.False(_world.Engine.Attendant(N(UnpairedOns))!.CanControlCalls);
    }

    [Fact]
    public void A_pair_naming_another_device_is_not_used_and_is_counted()
    {
        _monitorAnswerData[Desk] = PrivateData.ForOnsOnd(UnpairedOns, UnpairedOnd);
        Connect();

        Assert.Empty(_world.Control.UnifyPhoneOns);
        Assert.True(_world.Engine.Attendant(N(Desk))!.CanControlCalls);
        Assert.True(_world.Engine.Attendant(N(UnpairedOns))!.CanControlCalls);
        Assert.Equal(1, _world.Control.UnusableUnifyPhoneData);
    }

    [Fact]
    public void A_monitor_restarted_without_V8_private_data_withdraws_the_ONS()
    {
        V8FlagSet();
        Connect();
        Assert.False(_world.Engine.Attendant(N(UnpairedOns))!.CanControlCalls);

        // The flag is cleared on the OSV; the link drops and the monitors start again.
        _monitorAnswerData.Clear();
        _world.Server.CloseAll("CSTA application changed");
        Assert.True(_world.Loop.RunUntil(() => _world.Control.UnifyPhoneOns.Count == 0, TimeSpan.FromSeconds(30)));

        Assert.True(_world.Engine.Attendant(N(UnpairedOns))!.CanControlCalls);
        Assert.Null(_world.Engine.Attendant(N(UnpairedOns))!.UnifyPhoneOnd);
    }

    [Fact]
    public void A_new_engine_attached_to_the_link_is_told_the_ONS_already_learned()
    {
        V8FlagSet();
        Connect();

        var reconfigured = new CpsEngine(Topologies.Load("osv-unifyphone"), _world.Loop.Time, _world.Legs, _world.Control);
        _world.Control.Attach(reconfigured);

        Assert.False(reconfigured.Attendant(N(UnpairedOns))!.CanControlCalls);
        Assert.Equal(N(PairedOnd), reconfigured.Attendant(N(PairedOns))!.UnifyPhoneOnd);
    }

    [Fact]
    public void Available_and_unavailable_set_in_the_unify_phone_reach_the_attendant_of_an_ons_only()
    {
        V8FlagSet();
        Connect();
        Assert.True(_world.Engine.LogOn(N(PairedOns)).Succeeded);
        Assert.True(_world.Engine.LogOn(N(Desk)).Succeeded);

        _world.Server.Publisher.Publish(PairedOns, x => new AgentNotReadyEvent(x, PairedOns, null, null));
        _world.Server.Publisher.Publish(Desk, x => new AgentNotReadyEvent(x, Desk, null, null));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(Concierge.Cps.Attendants.AttendantState.Unavailable, _world.Engine.Attendant(N(PairedOns))!.State);
        Assert.Equal(Concierge.Cps.Attendants.AttendantState.Available, _world.Engine.Attendant(N(Desk))!.State); // a desk phone's hunt group state is not the attendant's

        _world.Server.Publisher.Publish(PairedOns, x => new AgentReadyEvent(x, PairedOns, null, null));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(Concierge.Cps.Attendants.AttendantState.Available, _world.Engine.Attendant(N(PairedOns))!.State);
    }

    [Fact]
    public void An_ons_not_logged_on_stays_logged_off_when_its_unify_phone_is_set_available()
    {
        V8FlagSet();
        Connect();
        _world.Server.Publisher.Publish(PairedOns, x => new AgentReadyEvent(x, PairedOns, null, null));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(Concierge.Cps.Attendants.AttendantState.LoggedOff, _world.Engine.Attendant(N(PairedOns))!.State);
    }
}
