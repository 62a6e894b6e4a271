using Concierge.Scenarios.Systems;
using Concierge.Simulators.Oscc;

namespace Concierge.Scenarios.Worlds.Oscc;

/// <summary>
/// The Concierge attendant API with OSCC: an attendant logging on or off also logs its device on or off as an OSCC
/// agent. With the CPS down the attendant still logs on to OSCC (its queues are unaffected, C 4.5.2).
/// </summary>
internal sealed class OsccAttendantDesk(IAttendantDesk desk, OsccSimulator oscc, Func<bool> cpsRunning) : IAttendantDesk
{
    public void LogOn(string device, bool available)
    {
        if (oscc.LogOn(device) is { } refused) throw new InvalidOperationException("OSCC refused: " + refused);
        if (cpsRunning()) desk.LogOn(device, available);
    }

    public void LogOff(string device)
    {
        if (cpsRunning()) desk.LogOff(device);
        oscc.LogOff(device);
    }

    public void SetAvailable(string device, bool available) => desk.SetAvailable(device, available);

    public void Pick(string device, CallRef call) => desk.Pick(device, call);

    public void PickNext(string device) => desk.PickNext(device);

    public void Park(string device) => desk.Park(device);

    public void Hold(string device) => desk.Hold(device);

    public void Retrieve(string device, CallRef call) => desk.Retrieve(device, call);

    public void Transfer(string device, string target) => desk.Transfer(device, target);

    public void Page(string device, string target) => desk.Page(device, target);

    public void TransferTyped(string device, string typed) => desk.TransferTyped(device, typed);

    public void PageTyped(string device, string typed) => desk.PageTyped(device, typed);

    public void Release(string device) => desk.Release(device);

    public void Answer(string device) => desk.Answer(device);

    public IReadOnlyList<string> LoggedOnDevices => desk.LoggedOnDevices;

    public AttendantView Observe(string device) => desk.Observe(device);
}
