using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;

namespace Concierge.Server.Http;

/// <summary>A live call as the API shows it.</summary>
public sealed record CallView(long Id, string Caller, string Called, string Type, string Phase, int Priority, double WaitingSeconds, string? Attendant)
{
    /// <summary>The view of <paramref name="call"/> at <paramref name="now"/> (read on the loop).</summary>
    public static CallView Of(CpsCall call, DateTimeOffset now) => new(call.Id, call.Caller, call.Called.ToString(), call.Type.ToString(),
        call.Phase.ToString(), call.Priority, Math.Max(0, (now - call.QueuedAt).TotalSeconds), call.AttendantDevice?.ToString());
}

/// <summary>An attendant as the API shows it.</summary>
public sealed record AttendantView(string Device, string State, long? CurrentCall, int PersonalQueue, DateTimeOffset IdleSince)
{
    /// <summary>The view of <paramref name="session"/> (read on the loop).</summary>
    public static AttendantView Of(AttendantSession session) => new(session.Device.ToString(), session.State.ToString(),
        session.CurrentCall?.Id, session.PersonalQueue.Count, session.IdleSince);
}
