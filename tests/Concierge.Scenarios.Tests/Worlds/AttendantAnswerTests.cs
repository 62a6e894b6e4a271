using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Worlds;

/// <summary>The attendant client answers a pushed call whose phone does not answer by itself: CPS → CSTA → OSV → phone.</summary>
public sealed class AttendantAnswerTests
{
    [Fact]
    public void A_call_ringing_at_a_phone_without_auto_answer_is_answered_from_the_client()
    {
        var world = new ScenarioWorld(5, new ScenarioEnvironment(TestRepository.Root, null, ScenarioSystemCatalog.Standard));
        var topology = TopologyCatalog.Load(TestRepository.Root, "osv-example");
        world.UseTopology(topology);
        var system = world.System;
        var attendant = topology.Resolve(new Concierge.Scenarios.Values.DeviceRef("7580"));
        system.Phones!.SetNoAnswer(attendant);
        system.Attendants!.LogOn(attendant, available: true);
        var anna = system.Callers!.Dial("Anna", "+493011100001", topology.Resolve(new Concierge.Scenarios.Values.DeviceRef("3201")));

        Assert.True(world.Loop.RunUntil(() => system.Attendants.Observe(attendant).CurrentCall == anna, TimeSpan.FromSeconds(5)));
        world.Loop.RunFor(TimeSpan.FromSeconds(3));
        Assert.NotEqual(CallerHearing.Connected, system.Callers.Observe(anna).Hearing); // it rings; nobody answers

        system.Attendants.Answer(attendant);

        Assert.True(world.Loop.RunUntil(() => system.Callers.Observe(anna).Hearing == CallerHearing.Connected, TimeSpan.FromSeconds(5)));
        Assert.Equal(attendant, system.Callers.Observe(anna).ConnectedTo);
    }

    [Fact]
    public void Answering_when_nothing_rings_is_refused_with_the_reason()
    {
        var world = new ScenarioWorld(5, new ScenarioEnvironment(TestRepository.Root, null, ScenarioSystemCatalog.Standard));
        var topology = TopologyCatalog.Load(TestRepository.Root, "osv-example");
        world.UseTopology(topology);
        var attendant = topology.Resolve(new Concierge.Scenarios.Values.DeviceRef("7580"));
        world.System.Attendants!.LogOn(attendant, available: true);

        var refused = Assert.Throws<InvalidOperationException>(() => world.System.Attendants.Answer(attendant));
        Assert.Contains("no call rings at", refused.Message, StringComparison.Ordinal);
    }
}
