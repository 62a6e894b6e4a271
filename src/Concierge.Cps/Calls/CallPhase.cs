namespace Concierge.Cps.Calls;

/// <summary>Where a call is; every live call is in exactly one phase.</summary>
public enum CallPhase
{
    /// <summary>Waiting in a caller queue or a personal queue.</summary>
    Queued,
    /// <summary>Offered to an attendant whose phone rings.</summary>
    Offered,
    /// <summary>Talking to an attendant (the PBX connects them; the CPS keeps track).</summary>
    Connected,
    /// <summary>On the CPS in the processing queue (parked, held, transferring, paging).</summary>
    Processing,
    /// <summary>Finished, with a disposition.</summary>
    Ended,
}
