using Concierge.Cps.Channels;
using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Channels;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Running;
using Concierge.Scenarios.Settings;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;
using NSubstitute;

namespace Concierge.Scenarios.Tests.Language;

/// <summary>The standard steps drive the system's capabilities once they exist, and are pending while they do not.</summary>
public sealed class CapabilityStepsTests
{
    private static readonly StepCatalog Catalog = StepCatalog.FromAssembly(typeof(ScenarioWorld).Assembly);

    private static ScenarioResult Run(string body, IScenarioSystem? system = null)
    {
        // Without a stand-in system no factory builds anything: the bare network system shows which capability is missing.
        var systems = new ScenarioSystemCatalog([]);
        if (system is not null)
        {
            var factory = Substitute.For<IScenarioSystemFactory>();
            factory.Supports(Arg.Any<TopologyInfo>()).Returns(true);
            factory.Build(Arg.Any<TopologyInfo>(), Arg.Any<ScenarioWorld>()).Returns(system);
            systems = new ScenarioSystemCatalog([factory]);
        }
        var feature = FeatureParser.Parse("features/c.feature", "Feature: C\n  Scenario: S\n" + body);
        return new ScenarioRunner(Catalog, new ScenarioEnvironment(TestRepository.Root, null, systems)).Run(feature.Cases.Single(), 1);
    }

    [Fact]
    public void Steps_drive_callers_attendants_and_the_cps()
    {
        var system = Substitute.For<IScenarioSystem>();
        var cps = Substitute.For<ICpsService>();
        var desk = Substitute.For<IAttendantDesk>();
        var callers = Substitute.For<ICallers>();
        system.Cps.Returns(cps);
        system.Attendants.Returns(desk);
        system.Callers.Returns(callers);
        system.Invariants.Returns([]);
        var anna = new CallRef("call-1");
        callers.Dial("Anna", "+4930111", "+4950505803201").Returns(anna);
        callers.Observe(anna).Returns(new CallerView(CallerHearing.Ringing, null, null, ["+4950505807580"], null));
        cps.CallerQueue("+4950505803201").Returns([anna]);
        cps.Channels.Returns(new ChannelSplit(6, 4));

        var result = Run("""
                Given the topology "osv-example"
                And the CPS has 10 channels with channel ratio 3
                And the tenant "DEFAULT" has these times:
                  | setting     | value      |
                  | RNA timeout | 15 seconds |
                And attendant "7580" is logged on
                When caller "Anna" from "+4930111" dials "3201"
                Then caller "Anna" is queued at "3201"
                And within 5 seconds the call from caller "Anna" rings at attendant "7580"
                And the call from caller "Anna" rings at one of "7581", "7580"
                And caller "Anna" hears ringing
                And the CPS has 6 processing channels and 4 operational channels
                And no call is lost
            """, system);

        Assert.True(result.Status == ScenarioStatus.Passed, result.Failure?.Describe());
        cps.Received(1).ConfigureChannels(new ChannelSettings(10, 3));
        cps.Received(1).SetTenantTimes("DEFAULT", new CallTimes(RnaTimeout: TimeSpan.FromSeconds(15)));
        desk.Received(1).LogOn("+4950505807580", true);
    }

    [Fact]
    public void A_call_with_no_disposition_that_hears_nothing_is_lost()
    {
        var system = Substitute.For<IScenarioSystem>();
        var callers = Substitute.For<ICallers>();
        system.Callers.Returns(callers);
        system.Invariants.Returns([]);
        var call = new CallRef("c");
        callers.Dial(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>()).Returns(call);
        callers.Observe(call).Returns(new CallerView(CallerHearing.Nothing, null, null, [], null));
        var result = Run("    When a caller dials \"3201\"\n    Then no call is lost\n", system);
        Assert.Equal(ScenarioStatus.Failed, result.Status);
        Assert.Contains("calls of caller 1 have no disposition and hear nothing", result.Failure!.Message);
    }

    [Fact]
    public void Without_a_system_the_steps_are_pending_and_name_what_they_need()
    {
        Assert.Equal("needs the CPS attendant API", Run("    Given attendant \"7580\" is logged on\n").PendingReason);
        Assert.Equal("needs the OSV simulator and its callers", Run("    When a caller dials \"3201\"\n").PendingReason);
        Assert.Equal("needs the OpenScape 4000 simulator and its callers", Run("    Given the topology \"os4000-example\"\n    When a caller dials \"9000\"\n").PendingReason);
        Assert.Equal("needs the CPS engine", Run("    When the CPS fails\n").PendingReason);
        Assert.Equal("needs the Unify Phone simulator", Run("    Then the JWT status is \"Active\"\n").PendingReason);
    }

    [Fact]
    public void Bad_arguments_fail_even_before_the_engines_exist()
    {
        Assert.Contains("is not an alias", Run("    Given attendant \"1234\" is logged on\n").Failure!.Message);
        Assert.Contains("not a host of topology", Run("    When the network between \"osv\" and \"mars\" is cut\n").Failure!.Message);
        Assert.Contains("unknown time setting", Run("    Given the tenant \"DEFAULT\" has these times:\n      | setting | value |\n      | colour | red |\n").Failure!.Message);
        Assert.Contains("exceed the maximum of 250", Run("    Given the CPS has 300 channels with channel ratio 3\n").Failure!.Message);
        Assert.Contains("no topology \"nowhere\"", Run("    Given the topology \"nowhere\"\n").Failure!.Message);
    }

    [Fact]
    public void Pending_scenarios_still_check_their_arguments_and_devices()
    {
        var badValue = Run("    Given attendant \"7580\" is logged on\n    Then the call from caller \"Anna\" ends as \"lost\"\n");
        Assert.Equal(ScenarioStatus.Failed, badValue.Status);
        Assert.Equal(2, badValue.Failure!.StepNumber);
        Assert.StartsWith("invalid step: argument 'disposition': \"lost\" is not one of Answered", badValue.Failure.Message);

        var badAlias = Run("    Given the topology \"osv-example\"\n    And attendant \"7580\" is logged on\n    When attendant \"7580\" transfers the call to \"1234\"\n");
        Assert.Equal(ScenarioStatus.Failed, badAlias.Status);
        Assert.Equal(3, badAlias.Failure!.StepNumber);
        Assert.Contains("\"1234\" is not an alias", badAlias.Failure.Message);
        Assert.Equal([StepStatus.Passed, StepStatus.Pending, StepStatus.Failed], badAlias.Steps.Select(s => s.Status));
    }

    [Fact]
    public void Channel_arithmetic_runs_through_the_formula_before_the_engine_exists()
    {
        var result = Run("    Given the topology \"os4000-example\"\n    Then the CPS has 21 processing channels and 9 operational channels\n    And no call is lost\n");
        Assert.Equal(ScenarioStatus.Passed, result.Status);
        var wrong = Run("    Given the CPS has 10 channels with channel ratio 1\n    Then the CPS has 6 processing channels and 4 operational channels\n");
        Assert.Equal("step 2: Then the CPS has 6 processing channels and 4 operational channels — observed: 4 processing channels and 6 operational channels", wrong.Failure!.Describe());
    }
}
