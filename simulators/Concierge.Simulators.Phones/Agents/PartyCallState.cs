namespace Concierge.Simulators.Phones.Agents;

/// <summary>Where one call stands from the point of view of the phone or caller holding it.</summary>
public enum PartyCallState
{
    /// <summary>Outgoing call sent, no ringing yet.</summary>
    Dialing,
    /// <summary>Outgoing call ringing at the far end (ringback heard).</summary>
    RingingOut,
    /// <summary>Incoming call ringing here.</summary>
    Alerting,
    /// <summary>Talking.</summary>
    Connected,
    /// <summary>The outgoing call got busy (busy tone heard until hang-up).</summary>
    Busy,
    /// <summary>The outgoing call failed otherwise (status in FailureStatus).</summary>
    Failed,
    /// <summary>Over.</summary>
    Ended,
}
