using Concierge.Cps.Channels;
using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.Channels;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>The assertions of STEPS.md about the CPS: channels, registration, standby, forwarding, and the world invariants.</summary>
[Binding]
public sealed class CpsAssertionSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>Then the statistics of "&lt;pilot&gt;" show &lt;n&gt; offered, &lt;n&gt; answered and &lt;n&gt; abandoned.</summary>
    [Then("the statistics of {number} show {int} offered, {int} answered and {int} abandoned")]
    public void TheStatisticsShow(DeviceRef pilot, int offered, int answered, int abandoned)
    {
        var number = Number(pilot);
        var cps = Cps;
        World.Expect(() => cps.StatisticsOf(number) is var s && s.Offered == offered && s.Answered == answered && s.Abandoned == abandoned,
            () => $"the statistics of {number} show " + cps.StatisticsOf(number).Describe());
    }

    /// <summary>Then the CPS reports "&lt;feature&gt;" as unavailable (what it cannot do, e.g. without a CSTA link).</summary>
    [Then("the CPS reports {string} as unavailable")]
    public void TheCpsReportsAsUnavailable(string feature)
    {
        var cps = Cps;
        World.Expect(() => cps.FeaturesUnavailable.Contains(feature),
            () => cps.FeaturesUnavailable.Count == 0 ? "the CPS reports everything available" : "unavailable: " + string.Join(", ", cps.FeaturesUnavailable));
    }

    /// <summary>Then the CPS uses &lt;n&gt; processing channels.</summary>
    [Then("the CPS uses {int} processing channels")]
    public void TheCpsUsesProcessingChannels(int count)
    {
        var cps = Cps;
        World.Expect(() => cps.ProcessingChannelsInUse == count, () => $"{cps.ProcessingChannelsInUse} processing channels in use");
    }

    /// <summary>
    /// Then the CPS has &lt;n&gt; processing channels and &lt;m&gt; operational channels: the running CPS's split when the engine
    /// exists; before that, the configured channel settings through <see cref="ChannelFormula"/>.
    /// </summary>
    [Then("the CPS has {int} processing channels and {int} operational channels")]
    public void TheCpsHasChannels(int processing, int operational)
    {
        Func<ChannelSplit> split;
        if (World.System.Cps is { } cps)
        {
            split = () => cps.Channels;
        }
        else
        {
            var settings = World.ChannelSettings
                ?? throw new InvalidOperationException($"no channel settings: topology {World.RequireTopology().Name} gives none and no `Given the CPS has <n> channels with channel ratio <r>` came first");
            split = () => ChannelFormula.Split(settings);
        }
        World.Expect(() => split() == new ChannelSplit(processing, operational),
            () => $"{split().Processing} processing channels and {split().Operational} operational channels");
    }

    /// <summary>Then the CPS is registered at "&lt;pbx host&gt;".</summary>
    [Then("the CPS is registered at {string}")]
    public void TheCpsIsRegisteredAt(string host) => ExpectRegistration(host, true);

    /// <summary>Then the CPS is not registered at "&lt;pbx host&gt;".</summary>
    [Then("the CPS is not registered at {string}")]
    public void TheCpsIsNotRegisteredAt(string host) => ExpectRegistration(host, false);

    /// <summary>Then the standby CPS is active.</summary>
    [Then("the standby CPS is active")]
    public void TheStandbyCpsIsActive()
    {
        var redundancy = Redundancy;
        World.Expect(() => redundancy.StandbyActive, () => $"the CPS on {redundancy.ActiveServer} is active, the standby is not");
    }

    /// <summary>Then the CPS on "&lt;server&gt;" is active.</summary>
    [Then("the CPS on {string} is active")]
    public void TheCpsOnServerIsActive(string server)
    {
        var redundancy = Redundancy;
        World.Expect(() => redundancy.ActiveServer == server, () => $"the CPS on {redundancy.ActiveServer} is active");
    }

    /// <summary>Then "&lt;number&gt;" has call forwarding unconditional to "&lt;dest&gt;".</summary>
    [Then("{number} has call forwarding unconditional to {number}")]
    public void HasCallForwardingUnconditional(DeviceRef number, DeviceRef destination)
    {
        var device = Number(number);
        var target = Number(destination);
        var phones = Phones;
        World.Expect(() => phones.ForwardingUnconditional(device) == target,
            () => phones.ForwardingUnconditional(device) is { } actual ? $"forwarding to {actual}" : "no call forwarding unconditional");
    }

    /// <summary>Then no call is lost: every world invariant holds.</summary>
    [Then("no call is lost")]
    public void NoCallIsLost() => World.Expect(() => World.BrokenInvariants().Count == 0, () => string.Join("; ", World.BrokenInvariants()));

    private void ExpectRegistration(string host, bool registered)
    {
        World.RequireTopology().RequireHost(host);
        var cps = Cps;
        World.Expect(() => cps.IsRegisteredAt(host) == registered, () => registered ? $"not registered at {host}" : $"registered at {host}");
    }
}
