using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Osv.Devices;

/// <summary>A hunt group's live state: the calls waiting in its queue and where circular hunting continues.</summary>
public sealed class HuntGroup
{
    private readonly List<object> _queue = [];

    internal HuntGroup(HuntGroupConfig config) => Config = config;

    /// <summary>The configuration.</summary>
    public HuntGroupConfig Config { get; }

    /// <summary>The pilot number.</summary>
    public string Number => Config.Number;

    /// <summary>Calls waiting, oldest first.</summary>
    public int QueuedCount => _queue.Count;

    /// <summary>True for a music-on-hold hunt group (<c>musicOnHold: true</c>): calls moved here are answered with music.</summary>
    public bool MusicOnHold { get; internal init; }

    /// <summary>True while a contact center routes the group's calls (manual hunting): members are not hunted.</summary>
    public bool RoutedExternally { get; internal set; }

    /// <summary>The calls waiting, oldest first.</summary>
    public IReadOnlyList<object> Waiting => _queue;

    /// <summary>Index of the member rung last (circular hunting).</summary>
    internal int LastMemberIndex { get; set; } = -1;

    internal bool TryEnqueue(object call)
    {
        if (_queue.Count >= Config.QueueSize) return false;
        _queue.Add(call);
        return true;
    }

    internal object? Dequeue()
    {
        if (_queue.Count == 0) return null;
        var first = _queue[0];
        _queue.RemoveAt(0);
        return first;
    }

    internal bool Remove(object call) => _queue.Remove(call);

    /// <summary>
    /// The member to ring next among <paramref name="eligible"/> (member indexes that are free, ready and not tried):
    /// UCD the longest idle, linear the first, circular the first after the last one rung.
    /// </summary>
    internal int? Pick(IReadOnlyList<int> eligible, Func<int, DateTimeOffset> idleSince)
    {
        if (eligible.Count == 0) return null;
        switch (Config.Type)
        {
            case HuntType.Linear:
                return eligible.Min();
            case HuntType.Circular:
                var after = eligible.Where(i => i > LastMemberIndex).DefaultIfEmpty(eligible.Min()).Min();
                LastMemberIndex = after;
                return after;
            default:
                return eligible.OrderBy(idleSince).ThenBy(i => i).First();
        }
    }
}
