using Concierge.Config.Numbers;

namespace Concierge.Cps.Legs;

/// <summary>The CPS engine's port to the CSTA link: what it asks the PBX to do with attendant devices.</summary>
public interface IPbxControl
{
    /// <summary>
    /// Sets (or with null clears) call forwarding unconditional on <paramref name="device"/>; <paramref name="answered"/>
    /// is called once the PBX has answered the request (accepted, refused or timed out).
    /// </summary>
    void SetForwardingUnconditional(E164Number device, E164Number? destination, Action? answered = null);

    /// <summary>Transfers the active call at <paramref name="device"/> to <paramref name="destination"/> (single-step transfer).</summary>
    void TransferActiveCall(E164Number device, E164Number destination);

    /// <summary>Clears the active call at <paramref name="device"/>.</summary>
    void ClearActiveCall(E164Number device);

    /// <summary>Answers the call ringing at <paramref name="device"/>.</summary>
    void AnswerAlertingCall(E164Number device);

    /// <summary>
    /// Asks the PBX whether <paramref name="device"/> is still in a call. When it is in none, the engine hears
    /// <c>OnAttendantCallEnded</c> on a later turn; when it is, or the PBX cannot tell, nothing happens.
    /// </summary>
    void ConfirmActiveCall(E164Number device);
}
