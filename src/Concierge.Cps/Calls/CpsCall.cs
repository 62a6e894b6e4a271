using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Cps.Channels;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;

namespace Concierge.Cps.Calls;

/// <summary>A call the CPS is responsible for: its legs, channels, phase, queue position and timers.</summary>
public sealed class CpsCall
{
    internal CpsCall(CallRecord record, CallType type, int priority, DdiEntry? entry, Attendant? personalLineOwner, TenantTimes times)
    {
        Record = record;
        Type = type;
        Priority = priority;
        Entry = entry;
        PersonalLineOwner = personalLineOwner;
        Times = times;
        QueuedAt = record.EnteredAt;
    }

    /// <summary>The call's record (and its id).</summary>
    public CallRecord Record { get; }

    /// <summary>The call's id.</summary>
    public long Id => Record.Id;

    /// <summary>The calling party.</summary>
    public string Caller => Record.Caller;

    /// <summary>The number dialled.</summary>
    public E164Number Called => Record.Called;

    /// <summary>Why the call came.</summary>
    public CallType Type { get; internal set; }

    /// <summary>Queue priority: 1 is the most urgent.</summary>
    public int Priority { get; internal set; }

    /// <summary>The DDI entry of a pilot call.</summary>
    public DdiEntry? Entry { get; }

    /// <summary>The attendant whose personal line was dialled.</summary>
    public Attendant? PersonalLineOwner { get; }

    /// <summary>The times that apply (tenant defaults with the entry's overrides).</summary>
    public TenantTimes Times { get; }

    /// <summary>Where the call is.</summary>
    public CallPhase Phase { get; internal set; } = CallPhase.Queued;

    /// <summary>What it waits for while in the processing queue.</summary>
    public ProcessingState? Processing { get; internal set; }

    /// <summary>When the call last came into the processing queue (parked, held, transferring or paging); null before.</summary>
    public DateTimeOffset? ProcessingSince { get; internal set; }

    /// <summary>Position in a queue: when it (first) started waiting.</summary>
    public DateTimeOffset QueuedAt { get; internal set; }

    /// <summary>The attendant device handling or being offered the call.</summary>
    public E164Number? AttendantDevice { get; internal set; }

    /// <summary>The caller's leg on the CPS, while the caller is on the CPS.</summary>
    public LegId? CallerLeg { get; internal set; }

    /// <summary>The CPS's leg towards an attendant, transfer target or callback pickup.</summary>
    public LegId? PartnerLeg { get; internal set; }

    /// <summary>Where a transfer or page is trying to get the call to.</summary>
    public E164Number? Target { get; internal set; }

    /// <summary>The callback number while paging.</summary>
    public E164Number? CallbackNumber { get; internal set; }

    /// <summary>Who dialled the callback number to take the paged call.</summary>
    public string? PickedUpBy { get; internal set; }

    /// <summary>What the caller hears from the CPS now.</summary>
    public MediaSource CallerHears { get; internal set; } = MediaSource.Silence;

    /// <summary>True once the CPS answered the caller's leg.</summary>
    public bool CallerAnswered { get; internal set; }

    /// <summary>The caller hears the tenant's start announcement: the call is not pushed to an attendant until it ends (C 8.6).</summary>
    public bool StartAnnouncementPlaying { get; internal set; }

    /// <summary>When the PBX last connected the call with its attendant (a retrieve connects it again).</summary>
    public DateTimeOffset? ConnectedToAttendantAt { get; internal set; }

    /// <summary>True from the moment the CPS asked the PBX to connect the caller with an attendant until it is done.</summary>
    public bool Joining { get; internal set; }

    /// <summary>
    /// The PBX reported the attendant's call ended while the join was still under way (its CSTA clearing overtook the
    /// SIP outcome of the join): once joined, the call ends at once.
    /// </summary>
    public bool EndedAtAttendantWhileJoining { get; internal set; }

    /// <summary>Attendant commands given while the call was being connected; they run in order once it is connected.</summary>
    internal List<Func<CommandResult>> DeferredCommands { get; } = new();

    internal ChannelLease? CallerChannel { get; set; }
    internal ChannelLease? PartnerChannel { get; set; }
    internal ITimer? QueueTimer { get; set; }
    internal ITimer? StepTimer { get; set; }

    internal void CancelTimers()
    {
        QueueTimer?.Dispose();
        QueueTimer = null;
        StepTimer?.Dispose();
        StepTimer = null;
    }

    /// <inheritdoc />
    public override string ToString() => $"call {Id} from {Caller} to {Called} ({Phase}{(Processing is { } p ? " " + p : "")})";
}
