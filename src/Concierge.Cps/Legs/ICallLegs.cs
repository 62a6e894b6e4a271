using Concierge.Config.Numbers;

namespace Concierge.Cps.Legs;

/// <summary>
/// The CPS engine's port to the SIP trunk: what it asks of its call legs. The SIP B2BUA implements it in both
/// worlds; tests implement it with a recorder. Results come back as engine inputs (answered, failed, released).
/// </summary>
public interface ICallLegs
{
    /// <summary>Lets an incoming leg ring (180): the caller hears ringing.</summary>
    void Ring(LegId leg);

    /// <summary>Answers an incoming leg (200) and plays <paramref name="media"/> to it.</summary>
    void Answer(LegId leg, MediaSource media);

    /// <summary>Changes what an answered leg hears.</summary>
    void Play(LegId leg, MediaSource media);

    /// <summary>Refuses an incoming leg that has not been answered.</summary>
    void Reject(LegId leg, RejectReason reason);

    /// <summary>Sends a leg on to <paramref name="destination"/> (302 before answer, REFER after).</summary>
    void Forward(LegId leg, E164Number destination);

    /// <summary>
    /// Places an outgoing leg to <paramref name="target"/>, charged to <paramref name="chargeNumber"/> (X-Siemens-CDR),
    /// presenting <paramref name="presentedCaller"/> (the waiting caller) as the calling party when given, and asking an
    /// attendant phone to answer by itself when <paramref name="autoAnswer"/> (CTI call, C 4.3.1).
    /// </summary>
    LegId Dial(E164Number target, E164Number? chargeNumber, string? presentedCaller = null, bool autoAnswer = false);

    /// <summary>Has the PBX connect the two legs' parties directly; both legs then leave the CPS (LegsJoined).</summary>
    void Join(LegId caller, LegId target);

    /// <summary>
    /// Connects the two answered legs' parties through the CPS itself (a CPS without a CSTA link, C 2.1: both legs and
    /// their channels stay on the CPS, which relays each one's audio to the other, until one of them is released).
    /// </summary>
    void Bridge(LegId caller, LegId target);

    /// <summary>
    /// Ends an answered leg with BYE and reports <c>OnLegCleared</c> once the far end has answered the BYE (or it timed
    /// out): a SIP-only CPS dials that attendant again only then, so the phone is not still busy with the old call.
    /// </summary>
    void ReleaseAndConfirm(LegId leg);

    /// <summary>Ends a leg (BYE, or CANCEL before answer).</summary>
    void Release(LegId leg);
}
