using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;
using Concierge.Cps.Tests.Trunk;
using Concierge.Cps.Trunk;
using Concierge.Runtime.Time;
using Concierge.Sip.Message;
using Concierge.Sip.UserAgent;

namespace Concierge.Cps.Tests.Engine;

/// <summary>Config mode (DOMAIN §4): the CPS runs without a working trunk for configuration; only a restart ends it.</summary>
public sealed class ConfigModeTests
{
    private static CpsEngine ConfigModeEngine(CpsHarness normal, RecordingLegs legs) =>
        new(normal.Config, new VirtualTimeProvider(), legs, new RecordingPbx(), mode: CpsStartMode.ConfigMode);

    [Fact]
    public void Incoming_calls_are_refused_with_the_config_mode_reason_and_counted()
    {
        var legs = new RecordingLegs();
        var engine = ConfigModeEngine(new CpsHarness(), legs);

        engine.OnIncomingLeg(new LegId(1), CpsHarness.N("3201"), "+493011100001");
        engine.OnIncomingLeg(new LegId(2), CpsHarness.N("7580"), "+493011100002");

        Assert.Equal([(new LegId(1), RejectReason.ConfigMode), (new LegId(2), RejectReason.ConfigMode)], legs.Rejects);
        Assert.Equal(2, engine.CallsRefusedInConfigMode);
        Assert.Empty(engine.Records);
        Assert.Empty(engine.LiveCalls);
        Assert.False(engine.IsActive);
        engine.CheckInvariants();
    }

    [Fact]
    public void Every_attendant_command_is_refused_with_a_clear_config_mode_error()
    {
        var harness = new CpsHarness();
        var engine = ConfigModeEngine(harness, new RecordingLegs());
        var device = CpsHarness.N("7580");
        var target = CpsHarness.N("7001");

        var results = new[]
        {
            engine.LogOn(device), engine.LogOff(device), engine.BecomeAvailable(device), engine.BecomeUnavailable(device),
            engine.PickNext(device), engine.Release(device), engine.Park(device), engine.Hold(device),
            engine.Transfer(device, target), engine.Page(device, target),
        };

        Assert.All(results, r =>
        {
            Assert.False(r.Succeeded);
            Assert.Equal(CpsEngine.ConfigModeRefusal, r.Error);
        });
        Assert.Contains("the CPS is in config mode", CpsEngine.ConfigModeRefusal);
        Assert.Equal(results.Length, engine.CommandsRefusedInConfigMode);
        Assert.All(engine.Attendants, a => Assert.Equal(Cps.Attendants.AttendantState.LoggedOff, a.State));
    }

    [Fact]
    public void No_command_leaves_config_mode_and_it_starts_no_standby_loop()
    {
        var harness = new CpsHarness(topology: "osv-standby");
        var legs = new RecordingLegs();
        var engine = ConfigModeEngine(harness, legs);

        engine.Activate();
        engine.StartStandby(TimeSpan.FromSeconds(10), 3);

        Assert.True(engine.IsInConfigMode);
        Assert.False(engine.IsActive);
        Assert.False(engine.IsWatchingLoop);
        Assert.Equal(2, engine.IgnoredInputs); // both counted, neither thrown
        Assert.Empty(legs.Dials);
        engine.OnIncomingLeg(new LegId(1), CpsHarness.N("3201"), "+493011100001");
        Assert.Equal(RejectReason.ConfigMode, Assert.Single(legs.Rejects).Reason);
    }

    [Fact]
    public void The_configuration_can_be_read_and_a_changed_one_validated_in_config_mode()
    {
        var harness = new CpsHarness();
        var engine = ConfigModeEngine(harness, new RecordingLegs());

        Assert.Same(harness.Config, engine.Configuration);
        Assert.True(engine.ValidateConfiguration().IsValid, engine.ValidateConfiguration().ToString());

        var tooOften = engine.Configuration with { Cps = engine.Configuration.Cps with { RegisterInterval = TimeSpan.FromSeconds(60) } };
        var report = engine.ValidateConfiguration(tooOften);
        Assert.False(report.IsValid);
        Assert.Contains(report.Errors, p => p.Path == "cps.registerInterval");

        // A changed configuration goes to a fresh engine (as the CPS node applies it); the mode goes with it.
        var changed = engine.Configuration with { Cps = engine.Configuration.Cps with { RegisterInterval = TimeSpan.FromSeconds(310) } };
        var reconfigured = new CpsEngine(changed, new VirtualTimeProvider(), new RecordingLegs(), new RecordingPbx(), mode: CpsStartMode.ConfigMode);
        Assert.Equal(TimeSpan.FromSeconds(310), reconfigured.Configuration.Cps.RegisterInterval);
        Assert.True(reconfigured.IsInConfigMode);
    }

    [Fact]
    public void A_restart_without_config_mode_takes_calls_and_attendant_commands_again()
    {
        var harness = new CpsHarness();
        var configMode = ConfigModeEngine(harness, new RecordingLegs());
        Assert.False(configMode.LogOn(CpsHarness.N("7580")).Succeeded);

        // The restart: a new engine on the same configuration, started normally.
        harness.LogOn("7580");
        harness.Call("3201");

        Assert.False(harness.Engine.IsInConfigMode);
        Assert.True(harness.Engine.IsActive);
        Assert.Empty(harness.Legs.Rejects);
        Assert.Single(harness.Engine.LiveCalls);
        Assert.Equal(0, harness.Engine.CallsRefusedInConfigMode);
        harness.Check();
    }

    [Fact]
    public void Over_SIP_the_PBX_gets_503_with_the_config_mode_reason_and_the_RTP_port_is_free_again()
    {
        var world = new RegistrarWorld();
        var pbx = world.AddNode("osv1", "192.0.2.11");
        var targets = RegistrarTargets.ForRegistrarHost("192.0.2.11", 5060, null);
        var trunk = world.Trunk(targets);
        var engine = new CpsEngine(Topologies.Load("osv-example"), world.Loop.Time, trunk, new RecordingPbx(), mode: CpsStartMode.ConfigMode);
        trunk.Attach(engine);

        var call = pbx.Agent.Invite(SipUri.Sip("+4950505803201", "192.0.2.20"), new SipInviteOptions { From = new NameAddress(SipUri.Sip("+493011100001", "osv")) });
        Assert.True(world.Loop.RunUntil(() => call.IsEnded, TimeSpan.FromSeconds(5)));

        Assert.Equal(503, call.FinalStatus);
        Assert.Equal(1, engine.CallsRefusedInConfigMode);
        Assert.Equal(0, trunk.RtpPortsInUse);
        Assert.Equal(0, trunk.LegCount);
    }
}
