using Concierge.Cps.Calls;

namespace Concierge.Cps.Queues;

/// <summary>Calls waiting for an attendant, served by priority (1 first), then longest waiting, then arrival order.</summary>
public sealed class CallQueue
{
    private readonly List<CpsCall> _calls = new();

    /// <summary>Creates a queue named for its pilot number or personal line.</summary>
    public CallQueue(string name) => Name = name;

    /// <summary>The pilot number or personal line the queue belongs to.</summary>
    public string Name { get; }

    /// <summary>How many calls wait.</summary>
    public int Count => _calls.Count;

    /// <summary>The waiting calls in serving order.</summary>
    public IReadOnlyList<CpsCall> Calls => _calls;

    /// <summary>The call that would be served next, or null.</summary>
    public CpsCall? Head => _calls.Count > 0 ? _calls[0] : null;

    /// <summary>Adds a call at its place in serving order.</summary>
    public void Add(CpsCall call)
    {
        if (_calls.Contains(call)) throw new CpsInvariantException($"{call} is already in queue {Name}");
        var index = _calls.FindIndex(other => Before(call, other));
        if (index < 0) _calls.Add(call);
        else _calls.Insert(index, call);
    }

    /// <summary>Removes a call; false when it was not queued here.</summary>
    public bool Remove(CpsCall call) => _calls.Remove(call);

    /// <summary>Whether <paramref name="call"/> waits here.</summary>
    public bool Contains(CpsCall call) => _calls.Contains(call);

    /// <summary>True when <paramref name="a"/> is served before <paramref name="b"/>.</summary>
    public static bool Before(CpsCall a, CpsCall b) =>
        a.Priority != b.Priority ? a.Priority < b.Priority
        : a.QueuedAt != b.QueuedAt ? a.QueuedAt < b.QueuedAt
        : a.Id < b.Id;
}
