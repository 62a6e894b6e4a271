using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;
using Concierge.Cps.Legs;

namespace Concierge.Server.Http;

/// <summary>A live call as the API shows it.</summary>
public sealed record CallView(long Id, string Tenant, string Caller, string Called, string Type, string Phase, int Priority, double WaitingSeconds, string? Attendant)
{
    /// <summary>The caller's name from the directory, when the number is in it.</summary>
    public string? CallerName { get; init; }

    /// <summary>The name of the pilot's DDI entry (null for a personal-line call).</summary>
    public string? PilotName { get; init; }

    /// <summary>The company of the pilot's DDI entry, when it has one.</summary>
    public string? Company { get; init; }

    /// <summary>True for a call forwarded to the attendants by an office user's forwarding (type Intercept).</summary>
    public bool Intercept { get; init; }

    /// <summary>What the caller hears from the CPS: silence, ringback, busy tone, music or an announcement (with its name).</summary>
    public string CallerHears { get; init; } = "silence";

    /// <summary>In the processing queue: parked, held, transferring or paging; otherwise null.</summary>
    public string? Processing { get; init; }

    /// <summary>Seconds since the call came into the processing queue; null outside it.</summary>
    public double? ProcessingSeconds { get; init; }

    /// <summary>Seconds since the attendant was connected with the caller; null when not connected.</summary>
    public double? ConnectedSeconds { get; init; }

    /// <summary>Where a transfer or page is trying to get the call to.</summary>
    public string? Target { get; init; }

    /// <summary>The callback number while paging.</summary>
    public string? CallbackNumber { get; init; }

    /// <summary>The view of <paramref name="call"/> of <paramref name="tenant"/> at <paramref name="now"/> (read on the loop).</summary>
    public static CallView Of(CpsCall call, string tenant, DateTimeOffset now, string? callerName = null) => new(call.Id, tenant, call.Caller, call.Called.ToString(),
        call.Type.ToString(), call.Phase.ToString(), call.Priority, Math.Max(0, (now - call.QueuedAt).TotalSeconds), call.AttendantDevice?.ToString())
    {
        CallerName = callerName,
        PilotName = call.Entry?.Name,
        Company = call.Entry?.Company,
        Intercept = call.Type == CallType.Intercept,
        CallerHears = Hears(call.CallerHears),
        Processing = call.Phase == CallPhase.Processing ? call.Processing?.ToString().ToLowerInvariant() : null,
        ProcessingSeconds = call.Phase == CallPhase.Processing && call.ProcessingSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : null,
        ConnectedSeconds = call.Phase == CallPhase.Connected && call.ConnectedToAttendantAt is { } connected ? Math.Max(0, (now - connected).TotalSeconds) : null,
        Target = call.Target?.ToString(),
        CallbackNumber = call.CallbackNumber?.ToString(),
    };

    private static string Hears(MediaSource source)
    {
        var kind = source.Kind switch
        {
            MediaKind.Silence => "silence",
            MediaKind.Ringback => "ringback",
            MediaKind.BusyTone => "busy tone",
            MediaKind.Music => "music",
            MediaKind.Announcement => "announcement",
            var other => other.ToString().ToLowerInvariant(),
        };
        return source.Name is null ? kind : $"{kind} {source.Name}";
    }
}

/// <summary>An attendant as the API shows it.</summary>
public sealed record AttendantView(string Device, string Tenant, string State, long? CurrentCall, int PersonalQueue, DateTimeOffset IdleSince)
{
    /// <summary>The short name of the working place (its extension), when configured.</summary>
    public string? Alias { get; init; }

    /// <summary>The attendant's personal line.</summary>
    public string? PersonalLine { get; init; }

    /// <summary>The view of <paramref name="session"/> of <paramref name="tenant"/> (read on the loop).</summary>
    public static AttendantView Of(AttendantSession session, string tenant) => new(session.Device.ToString(), tenant, session.State.ToString(),
        session.CurrentCall?.Id, session.PersonalQueue.Count, session.IdleSince)
    {
        Alias = session.Place.Alias,
        PersonalLine = session.Place.PersonalLine.ToString(),
    };
}
