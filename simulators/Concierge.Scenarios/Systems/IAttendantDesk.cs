namespace Concierge.Scenarios.Systems;

/// <summary>The CPS attendant API, one attendant per device (full number). "The call" is the attendant's current call.</summary>
public interface IAttendantDesk
{
    /// <summary>Logs on at <paramref name="device"/>, available or not.</summary>
    void LogOn(string device, bool available);

    /// <summary>Logs off.</summary>
    void LogOff(string device);

    /// <summary>Sets Available/Unavailable.</summary>
    void SetAvailable(string device, bool available);

    /// <summary>Picks <paramref name="call"/> from the caller queue.</summary>
    void Pick(string device, CallRef call);

    /// <summary>Picks the next call of the queue.</summary>
    void PickNext(string device);

    /// <summary>Parks the current call.</summary>
    void Park(string device);

    /// <summary>Puts the current call on hold.</summary>
    void Hold(string device);

    /// <summary>Retrieves <paramref name="call"/> from the processing queue.</summary>
    void Retrieve(string device, CallRef call);

    /// <summary>Supervised transfer of the current call to <paramref name="target"/> (full number).</summary>
    void Transfer(string device, string target);

    /// <summary>Pages <paramref name="target"/> for the current call.</summary>
    void Page(string device, string target);

    /// <summary>Transfers the current call to the number the attendant typed (read by the CPS with its PABX routing data).</summary>
    void TransferTyped(string device, string typed);

    /// <summary>Pages the number the attendant typed for the current call.</summary>
    void PageTyped(string device, string typed);

    /// <summary>Answers the call ringing at the attendant's phone from the client (CSTA answer at the device).</summary>
    void Answer(string device);

    /// <summary>Releases the current call.</summary>
    void Release(string device);

    /// <summary>The devices at which an attendant is logged on now.</summary>
    IReadOnlyList<string> LoggedOnDevices { get; }

    /// <summary>Replaces the directory with <paramref name="csv"/> (the import's CSV format); throws with every problem when a line is bad.</summary>
    void ImportDirectory(string csv) => throw new World.PendingStepException("needs a directory in this CPS");

    /// <summary>The directory name shown for the caller's call, or null.</summary>
    string? NameShownFor(CallRef call) => throw new World.PendingStepException("needs a directory in this CPS");

    /// <summary>Transfers the attendant's call to the directory entry called <paramref name="name"/>.</summary>
    void TransferToDirectoryEntry(string device, string name) => throw new World.PendingStepException("needs a directory in this CPS");

    /// <summary>What the attendant's busy lamp field shows for <paramref name="number"/> (idle, ringing, busy, forwarded, out of service, …), or null when the device is not in it.</summary>
    string? LampSeenBy(string attendant, string number) => throw new World.PendingStepException("needs a busy lamp field from this CPS");

    /// <summary>The callers whose calls the attendant's client shows now (its tenant's queues, its personal queue, its call).</summary>
    IReadOnlyList<CallRef> CallsSeenBy(string device) => throw new World.PendingStepException("needs per-attendant call views from this CPS");

    /// <summary>The attendant's state now.</summary>
    AttendantView Observe(string device);
}
