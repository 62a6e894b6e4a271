using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.World;
using Concierge.Scenarios.Worlds.Oscc;

namespace Concierge.Scenarios.Steps;

/// <summary>Phrases for the OpenScape Contact Center (STEPS.md has none): OSCC down, failing and restored.</summary>
[Binding]
public sealed class OsccSteps(ScenarioWorld world) : StepsBase(world)
{
    private OsccWorld Oscc => World.Need(World.System as OsccWorld, "the OSCC simulator");

    /// <summary>Given the OSCC is down.</summary>
    [Given("the OSCC is down")]
    public void TheOsccIsDown() => Oscc.Oscc.Fail();

    /// <summary>When the OSCC fails.</summary>
    [When("the OSCC fails")]
    public void TheOsccFails() => Oscc.Oscc.Fail();

    /// <summary>When the OSCC is restored.</summary>
    [When("the OSCC is restored")]
    public void TheOsccIsRestored() => Oscc.Oscc.Restore();

    /// <summary>Then attendant "&lt;who&gt;" is refused when logging on: the logon is tried and refused, and nothing changes.</summary>
    [Then("attendant {number} is refused when logging on")]
    public void IsRefusedWhenLoggingOn(Values.DeviceRef who)
    {
        var device = Number(who);
        var desk = Attendants;
        try
        {
            desk.LogOn(device, true);
        }
        catch (InvalidOperationException refused)
        {
            World.Trace.Record("step", "logon refused: " + refused.Message);
            if (desk.LoggedOnDevices.Contains(device)) throw new StepFailedException($"{device} was refused but is logged on");
            return;
        }
        throw new StepFailedException($"the logon at {device} was accepted");
    }
}
