namespace Concierge.Cps.Calls;

/// <summary>What a call in the processing queue is waiting for.</summary>
public enum ProcessingState
{
    /// <summary>Parked by an attendant.</summary>
    Parked,
    /// <summary>On hold for an attendant (also where a failed transfer returns).</summary>
    Held,
    /// <summary>A second channel rings the transfer target.</summary>
    Transferring,
    /// <summary>Parked on a callback number while the wanted person is paged.</summary>
    Paging,
}
