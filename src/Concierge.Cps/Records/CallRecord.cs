using Concierge.Config.Numbers;

namespace Concierge.Cps.Records;

/// <summary>The record of one call through the CPS: when it came, what happened, and its one final disposition.</summary>
public sealed class CallRecord
{
    private readonly List<string> _history = new();

    internal CallRecord(long id, string caller, E164Number called, DateTimeOffset enteredAt)
    {
        Id = id;
        Caller = caller;
        Called = called;
        EnteredAt = enteredAt;
    }

    /// <summary>The call's number in this CPS run.</summary>
    public long Id { get; }

    /// <summary>The calling party as presented.</summary>
    public string Caller { get; }

    /// <summary>The number dialled (pilot, personal line).</summary>
    public E164Number Called { get; }

    /// <summary>Why the call came (standard, internal, intercept, personal line, recall).</summary>
    public Calls.CallType Type { get; internal set; }

    /// <summary>For an intercept call: the office user the caller was trying to reach, when the PBX said so.</summary>
    public E164Number? MeantFor { get; internal set; }

    /// <summary>When the call reached the CPS.</summary>
    public DateTimeOffset EnteredAt { get; }

    /// <summary>When it was connected, if it was.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>Who it was connected to (attendant device or number), if anyone.</summary>
    public string? AnsweredBy { get; private set; }

    /// <summary>When it ended, if it has.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The final disposition, once ended.</summary>
    public CallDisposition? Disposition { get; private set; }

    /// <summary>What happened, in order, with virtual timestamps.</summary>
    public IReadOnlyList<string> History => _history;

    internal void Note(DateTimeOffset at, string what) => _history.Add($"{at:HH:mm:ss.fff} {what}");

    internal void MarkAnswered(DateTimeOffset at, string by)
    {
        AnsweredAt ??= at;
        AnsweredBy = by;
        Note(at, $"connected to {by}");
    }

    internal void End(DateTimeOffset at, CallDisposition disposition)
    {
        if (Disposition is not null)
            throw new CpsInvariantException($"call {Id} from {Caller} ended twice: {Disposition} then {disposition}");
        Disposition = disposition;
        EndedAt = at;
        Note(at, $"ended {disposition.ToString().ToLowerInvariant()}");
    }
}
