using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>Time passing and the failure actions of STEPS.md: CPS crash and restart, server switch-over, CSTA link, network cuts.</summary>
[Binding]
public sealed class TimeAndFailureSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>Longest time one step may let pass.</summary>
    public static readonly TimeSpan MaxPass = TimeSpan.FromDays(400);

    /// <summary>When &lt;d&gt; pass.</summary>
    [When("{duration} pass")]
    public void TimePasses(TimeSpan duration)
    {
        if (duration > MaxPass) throw new FormatException($"at most {MaxPass.TotalDays} days may pass in one step");
        World.Pass(duration);
    }

    /// <summary>When the CPS fails.</summary>
    [When("the CPS fails")]
    public void TheCpsFails() => Cps.Fail();

    /// <summary>When the CPS restarts.</summary>
    [When("the CPS restarts")]
    public void TheCpsRestarts() => Cps.Restart();

    /// <summary>When the process "&lt;process&gt;" fails on the main server (a Control Center process name, C 2.3.1).</summary>
    [When("the process {string} fails on the main server")]
    public void TheProcessFailsOnTheMainServer(string process) => Redundancy.FailProcessOnMainServer(process);

    /// <summary>When the main server fails.</summary>
    [When("the main server fails")]
    public void TheMainServerFails() => Redundancy.FailMainServer();

    /// <summary>When the operator switches back to the primary server.</summary>
    [When("the operator switches back to the primary server")]
    public void TheOperatorSwitchesBack() => Redundancy.SwitchBackToPrimary();

    /// <summary>When the CSTA link fails.</summary>
    [When("the CSTA link fails")]
    public void TheCstaLinkFails() => Csta.Fail();

    /// <summary>When the CSTA link is restored.</summary>
    [When("the CSTA link is restored")]
    public void TheCstaLinkIsRestored() => Csta.Restore();

    /// <summary>When the network between "&lt;a&gt;" and "&lt;b&gt;" is cut.</summary>
    [When("the network between {string} and {string} is cut")]
    public void TheNetworkIsCut(string a, string b)
    {
        var topology = World.RequireTopology();
        var (hostA, hostB) = (topology.RequireHost(a), topology.RequireHost(b));
        Network.Cut(hostA, hostB);
    }

    /// <summary>When the network between "&lt;a&gt;" and "&lt;b&gt;" is restored.</summary>
    [When("the network between {string} and {string} is restored")]
    public void TheNetworkIsRestored(string a, string b)
    {
        var topology = World.RequireTopology();
        var (hostA, hostB) = (topology.RequireHost(a), topology.RequireHost(b));
        Network.Restore(hostA, hostB);
    }
}
