using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using PendingStepException = Concierge.Scenarios.World.PendingStepException;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>
/// Phrases for Unify Phone attendants on OSV that STEPS.md has none for: an attendant trying a call control the CPS
/// refuses (the refusal is kept, not a failure), what the user does in the Unify Phone itself, and that a caller
/// hears no Concierge music (C 4.3.5.2).
/// </summary>
[Binding]
public sealed class UnifyPhoneAttendantSteps(ScenarioWorld world) : StepsBase(world)
{
    private const string RefusedPrefix = "the CPS refused: ";
    private string? _refusal;
    private bool _tried;

    private IUnifyPhoneClients Clients =>
        World.System as IUnifyPhoneClients ?? throw new PendingStepException("needs Unify Phone clients on the PBX simulator");

    private void Try(Action command)
    {
        _tried = true;
        _refusal = null;
        try
        {
            command();
        }
        catch (InvalidOperationException refused) when (refused.Message.StartsWith(RefusedPrefix, StringComparison.Ordinal))
        {
            _refusal = refused.Message[RefusedPrefix.Length..];
        }
    }

    /// <summary>When attendant "&lt;who&gt;" tries to answer.</summary>
    [When("attendant {number} tries to answer")]
    public void TriesToAnswer(DeviceRef who) => Try(() => Attendants.Answer(Number(who)));

    /// <summary>When attendant "&lt;who&gt;" tries to pick the next call.</summary>
    [When("attendant {number} tries to pick the next call")]
    public void TriesToPick(DeviceRef who) => Try(() => Attendants.PickNext(Number(who)));

    /// <summary>When attendant "&lt;who&gt;" tries to release the call.</summary>
    [When("attendant {number} tries to release the call")]
    public void TriesToRelease(DeviceRef who) => Try(() => Attendants.Release(Number(who)));

    /// <summary>When attendant "&lt;who&gt;" tries to transfer the call to "&lt;target&gt;".</summary>
    [When("attendant {number} tries to transfer the call to {number}")]
    public void TriesToTransfer(DeviceRef who, DeviceRef target) => Try(() => Attendants.Transfer(Number(who), Number(target)));

    /// <summary>When attendant "&lt;who&gt;" tries to put the call on hold.</summary>
    [When("attendant {number} tries to put the call on hold")]
    public void TriesToHold(DeviceRef who) => Try(() => Attendants.Hold(Number(who)));

    /// <summary>When attendant "&lt;who&gt;" tries to page "&lt;target&gt;" for the call.</summary>
    [When("attendant {number} tries to page {number} for the call")]
    public void TriesToPage(DeviceRef who, DeviceRef target) => Try(() => Attendants.Page(Number(who), Number(target)));

    /// <summary>When attendant "&lt;who&gt;" tries to transfer the call to the number typed as "&lt;digits&gt;" (any attendant, not only Unify Phone).</summary>
    [When("attendant {number} tries to transfer the call to the number typed as {string}")]
    public void TriesToTransferTyped(DeviceRef who, string typed) => Try(() => Attendants.TransferTyped(Number(who), typed));

    /// <summary>Then the attendant request is refused with "&lt;reason&gt;".</summary>
    [Then("the attendant request is refused with {string}")]
    public void Refused(string reason)
    {
        if (!_tried) throw new InvalidOperationException("no attendant request was tried in this scenario");
        World.Expect(() => _refusal == reason, () => _refusal is null ? "the CPS did it" : $"refused with \"{_refusal}\"");
    }

    /// <summary>When the Unify Phone of attendant "&lt;who&gt;" is set unavailable (in the Unify Phone, not the Concierge client).</summary>
    [When("the Unify Phone of attendant {number} is set unavailable")]
    public void SetUnavailable(DeviceRef who) => Clients.SetClientAvailable(Number(who), false);

    /// <summary>When the Unify Phone of attendant "&lt;who&gt;" is set available.</summary>
    [When("the Unify Phone of attendant {number} is set available")]
    public void SetAvailable(DeviceRef who) => Clients.SetClientAvailable(Number(who), true);

    /// <summary>When the Unify Phone of attendant "&lt;who&gt;" puts the call on hold itself.</summary>
    [When("the Unify Phone of attendant {number} puts the call on hold itself")]
    public void HoldsInClient(DeviceRef who) => Clients.HoldInClient(Number(who));

    /// <summary>When the Unify Phone of attendant "&lt;who&gt;" retrieves the call itself.</summary>
    [When("the Unify Phone of attendant {number} retrieves the call itself")]
    public void RetrievesInClient(DeviceRef who) => Clients.RetrieveInClient(Number(who));

    /// <summary>Then caller "&lt;name&gt;" is held by the PBX without Concierge music (the call goes on, the caller hears the PBX's hold: nothing).</summary>
    [Then("caller {string} is held by the PBX without Concierge music")]
    public void HeldWithoutConciergeMusic(string caller)
    {
        var call = CallOf(caller);
        var callers = Callers;
        World.Expect(() => callers.Observe(call) is { Hearing: CallerHearing.Nothing, Disposition: null }, () => $"caller \"{caller}\" {callers.Observe(call).Describe()}");
    }
}
