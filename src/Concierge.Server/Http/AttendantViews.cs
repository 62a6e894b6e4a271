using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;

namespace Concierge.Server.Http;

/// <summary>A live call as the API shows it.</summary>
public sealed record CallView(long Id, string Tenant, string Caller, string Called, string Type, string Phase, int Priority, double WaitingSeconds, string? Attendant)
{
    /// <summary>The view of <paramref name="call"/> of <paramref name="tenant"/> at <paramref name="now"/> (read on the loop).</summary>
    public static CallView Of(CpsCall call, string tenant, DateTimeOffset now) => new(call.Id, tenant, call.Caller, call.Called.ToString(), call.Type.ToString(),
        call.Phase.ToString(), call.Priority, Math.Max(0, (now - call.QueuedAt).TotalSeconds), call.AttendantDevice?.ToString());
}

/// <summary>An attendant as the API shows it.</summary>
public sealed record AttendantView(string Device, string Tenant, string State, long? CurrentCall, int PersonalQueue, DateTimeOffset IdleSince)
{
    /// <summary>The view of <paramref name="session"/> of <paramref name="tenant"/> (read on the loop).</summary>
    public static AttendantView Of(AttendantSession session, string tenant) => new(session.Device.ToString(), tenant, session.State.ToString(),
        session.CurrentCall?.Id, session.PersonalQueue.Count, session.IdleSince);
}
