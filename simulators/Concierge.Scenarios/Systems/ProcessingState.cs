namespace Concierge.Scenarios.Systems;

/// <summary>Why a call waits in the CPS processing queue.</summary>
public enum ProcessingState
{
    /// <summary>Parked by an attendant.</summary>
    Parked,
    /// <summary>On hold.</summary>
    Held,
    /// <summary>A transfer target is being called.</summary>
    Transferring,
    /// <summary>Parked on a callback number for paging.</summary>
    Paging,
}
