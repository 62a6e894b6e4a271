using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Queues;

namespace Concierge.Cps.Attendants;

/// <summary>An attendant working place as the CPS sees it: logon state, availability, current call, personal queue.</summary>
public sealed class AttendantSession
{
    internal AttendantSession(Attendant place, bool canControlCalls)
    {
        Place = place;
        CanControlCalls = canControlCalls;
        PersonalQueue = new CallQueue(place.PersonalLine.ToString());
    }

    /// <summary>The configured working place.</summary>
    public Attendant Place { get; }

    /// <summary>The device the attendant logs on at.</summary>
    public E164Number Device => Place.Device;

    /// <summary>Logged off, available or unavailable.</summary>
    public AttendantState State { get; internal set; } = AttendantState.LoggedOff;

    /// <summary>The call the attendant is offered or talks to.</summary>
    public CpsCall? CurrentCall { get; internal set; }

    /// <summary>Since when the attendant has been idle (for longest-idle-first distribution).</summary>
    public DateTimeOffset IdleSince { get; internal set; }

    /// <summary>Calls waiting on the attendant's personal line.</summary>
    public CallQueue PersonalQueue { get; }

    /// <summary>
    /// False for a Unify Phone ONS whose ONS/OND pair is not registered: such an attendant can log on but cannot
    /// dial, answer, clear, transfer or consult (C 4.3.5).
    /// </summary>
    public bool CanControlCalls { get; internal set; }

    /// <summary>The OND the PBX reports for this device when it is a Unify Phone ONS (OSV V8 private data); otherwise null.</summary>
    public E164Number? UnifyPhoneOnd { get; internal set; }

    /// <summary>Whether the ACD may push a call to this attendant now.</summary>
    public bool CanTakePushedCall => State == AttendantState.Available && CurrentCall is null && CanControlCalls && !ClearingCall;

    /// <summary>
    /// True from the attendant's release until the PBX reports the device free: no call is pushed meanwhile, so the
    /// phone is not rung while it still holds the released call.
    /// </summary>
    public bool ClearingCall { get; internal set; }

    /// <summary>Whether personal-line forwarding (CFU to the personal line) is set on the device.</summary>
    public bool PersonalForwardingSet { get; internal set; }

    /// <summary>
    /// True from asking the PBX to clear personal-line forwarding until it answers: a call offered meanwhile is not
    /// dialled yet, or the PBX would forward it to the personal line instead of ringing the phone.
    /// </summary>
    public bool ForwardingClearing { get; internal set; }

    /// <summary>Whether the CPS may ring the phone now: the PBX has neither a released call nor forwarding left to clear.</summary>
    public bool MayBeDialled => !ClearingCall && !ForwardingClearing;

    /// <summary>Counts the requests to clear forwarding, so that a late answer to an older one is recognised.</summary>
    internal long ForwardingClearRequests { get; set; }
}
