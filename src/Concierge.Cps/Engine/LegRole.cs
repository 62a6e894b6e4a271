namespace Concierge.Cps.Engine;

/// <summary>What a leg is for, from the CPS's side.</summary>
internal enum LegRole
{
    /// <summary>The caller's leg into the CPS.</summary>
    Caller,
    /// <summary>The CPS's leg ringing an attendant (push, pick, retrieve).</summary>
    Attendant,
    /// <summary>The CPS's leg ringing a transfer target.</summary>
    TransferTarget,
    /// <summary>Someone who dialled a callback number to take a paged call.</summary>
    Pickup,
}
