using Concierge.Config.Numbers;
using Concierge.Cps.Legs;

namespace Concierge.Store.Tests.CallRecords;

/// <summary>A trunk that takes every request and does nothing (the engine's outputs are not what these tests check).</summary>
internal sealed class NoLegs : ICallLegs
{
    private long _next = 1000;
    public void Ring(LegId leg) { }
    public void Answer(LegId leg, MediaSource media) { }
    public void Play(LegId leg, MediaSource media) { }
    public void Reject(LegId leg, RejectReason reason) { }
    public void Forward(LegId leg, E164Number destination) { }
    public LegId Dial(E164Number target, E164Number? chargeNumber, string? presentedCaller = null, bool autoAnswer = false) => new(_next++);
    public void Join(LegId caller, LegId target) { }
    public void Release(LegId leg) { }
    public void Bridge(LegId caller, LegId target) { }
    public void ReleaseAndConfirm(LegId leg) { }
}

/// <summary>A PBX link that answers forwarding requests at once and does nothing else.</summary>
internal sealed class NoPbx : IPbxControl
{
    public void SetForwardingUnconditional(E164Number device, E164Number? destination, Action? answered = null) => answered?.Invoke();
    public void TransferActiveCall(E164Number device, E164Number destination) { }
    public void ClearActiveCall(E164Number device) { }
    public void AnswerAlertingCall(E164Number device) { }
    public void ConfirmActiveCall(E164Number device) { }
}
