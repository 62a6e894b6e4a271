using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>The attendant actions of STEPS.md, through the CPS attendant API; "the call" is the attendant's current call.</summary>
[Binding]
public sealed class AttendantSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>When attendant "&lt;who&gt;" picks the call from caller "&lt;name&gt;".</summary>
    [When("attendant {number} picks the call from caller {string}")]
    public void PicksTheCallFrom(DeviceRef who, string caller)
    {
        var device = Number(who);
        var call = CallOf(caller);
        Attendants.Pick(device, call);
    }

    /// <summary>When attendant "&lt;who&gt;" picks the next call.</summary>
    [When("attendant {number} picks the next call")]
    public void PicksTheNextCall(DeviceRef who) => Act(who, (desk, d) => desk.PickNext(d));

    /// <summary>When attendant "&lt;who&gt;" parks the call.</summary>
    [When("attendant {number} parks the call")]
    public void ParksTheCall(DeviceRef who) => Act(who, (desk, d) => desk.Park(d));

    /// <summary>When attendant "&lt;who&gt;" puts the call on hold.</summary>
    [When("attendant {number} puts the call on hold")]
    public void PutsTheCallOnHold(DeviceRef who) => Act(who, (desk, d) => desk.Hold(d));

    /// <summary>When attendant "&lt;who&gt;" retrieves the call from caller "&lt;name&gt;".</summary>
    [When("attendant {number} retrieves the call from caller {string}")]
    public void RetrievesTheCallFrom(DeviceRef who, string caller)
    {
        var device = Number(who);
        var call = CallOf(caller);
        Attendants.Retrieve(device, call);
    }

    /// <summary>When attendant "&lt;who&gt;" transfers the call to "&lt;name&gt;" from the directory.</summary>
    [When("attendant {number} transfers the call to {string} from the directory")]
    public void TransfersTheCallToDirectoryEntry(DeviceRef who, string name)
    {
        var device = Number(who);
        Attendants.TransferToDirectoryEntry(device, name);
    }

    /// <summary>When attendant "&lt;who&gt;" transfers the call to "&lt;target&gt;".</summary>
    [When("attendant {number} transfers the call to {number}")]
    public void TransfersTheCallTo(DeviceRef who, DeviceRef target)
    {
        var device = Number(who);
        var destination = Number(target);
        Attendants.Transfer(device, destination);
    }

    /// <summary>When attendant "&lt;who&gt;" pages "&lt;target&gt;" for the call.</summary>
    [When("attendant {number} pages {number} for the call")]
    public void PagesForTheCall(DeviceRef who, DeviceRef target)
    {
        var device = Number(who);
        var destination = Number(target);
        Attendants.Page(device, destination);
    }

    /// <summary>When attendant "&lt;who&gt;" releases the call.</summary>
    [When("attendant {number} releases the call")]
    public void ReleasesTheCall(DeviceRef who) => Act(who, (desk, d) => desk.Release(d));

    /// <summary>When attendant "&lt;who&gt;" becomes available.</summary>
    [When("attendant {number} becomes available")]
    public void BecomesAvailable(DeviceRef who) => Act(who, (desk, d) => desk.SetAvailable(d, true));

    /// <summary>When attendant "&lt;who&gt;" becomes unavailable.</summary>
    [When("attendant {number} becomes unavailable")]
    public void BecomesUnavailable(DeviceRef who) => Act(who, (desk, d) => desk.SetAvailable(d, false));

    /// <summary>When attendant "&lt;who&gt;" logs off.</summary>
    [When("attendant {number} logs off")]
    public void LogsOff(DeviceRef who) => Act(who, (desk, d) => desk.LogOff(d));

    private void Act(DeviceRef who, Action<Systems.IAttendantDesk, string> action)
    {
        var device = Number(who);
        action(Attendants, device);
    }
}
