using Reqnroll;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>
/// Phrases for numbers an attendant types as dialled on the PABX (an extension, or with access codes): the CPS reads
/// them into E.164 with the PABX routing data of its configuration (C 6.2.3.2).
/// </summary>
[Binding]
public sealed class DialledNumberSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>When attendant "&lt;who&gt;" transfers the call to the number typed as "&lt;digits&gt;".</summary>
    [When("attendant {number} transfers the call to the number typed as {string}")]
    public void TransfersToTyped(DeviceRef who, string typed) => Attendants.TransferTyped(Number(who), typed);

    /// <summary>When attendant "&lt;who&gt;" pages the number typed as "&lt;digits&gt;" for the call.</summary>
    [When("attendant {number} pages the number typed as {string} for the call")]
    public void PagesTyped(DeviceRef who, string typed) => Attendants.PageTyped(Number(who), typed);
}
