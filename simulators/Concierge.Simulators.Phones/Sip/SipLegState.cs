namespace Concierge.Simulators.Phones.Sip;

/// <summary>Where one side of an INVITE dialog stands.</summary>
public enum SipLegState
{
    /// <summary>INVITE sent or received, nothing else yet.</summary>
    Calling,
    /// <summary>A ringing (18x) response was sent or received.</summary>
    Ringing,
    /// <summary>Answered (2xx).</summary>
    Established,
    /// <summary>Over (failed, cancelled, rejected or hung up).</summary>
    Terminated,
}
