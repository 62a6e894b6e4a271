using Concierge.Scenarios.Systems;

namespace Concierge.Scenarios.World;

/// <summary>The callers a scenario has named, with their calls, in the order they dialled.</summary>
public sealed class CallerBook
{
    private readonly Dictionary<string, CallerEntry> _byName = new(StringComparer.Ordinal);
    private readonly List<CallerEntry> _all = [];
    private int _generated;

    /// <summary>Every caller, in dialling order.</summary>
    public IReadOnlyList<CallerEntry> All => _all;

    /// <summary>A fresh generated caller name (`caller 1`, `caller 2`, …).</summary>
    public string NextGeneratedName()
    {
        string name;
        do name = "caller " + ++_generated; while (_byName.ContainsKey(name));
        return name;
    }

    /// <summary>Records that <paramref name="name"/> placed <paramref name="call"/>.</summary>
    public void Add(string name, string callingNumber, CallRef call)
    {
        if (_byName.ContainsKey(name)) throw new InvalidOperationException($"caller \"{name}\" has already dialled in this scenario; give the new caller another name");
        var entry = new CallerEntry(name, callingNumber, call);
        _byName[name] = entry;
        _all.Add(entry);
    }

    /// <summary>The caller named <paramref name="name"/>; throws when no such caller dialled.</summary>
    public CallerEntry Get(string name) =>
        _byName.TryGetValue(name, out var entry)
            ? entry
            : throw new InvalidOperationException($"no caller \"{name}\" has dialled in this scenario (callers: {(_all.Count == 0 ? "none" : string.Join(", ", _all.Select(c => c.Name)))})");

    /// <summary>True when a caller of that name has dialled.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);
}

/// <summary>One named caller and its call.</summary>
public sealed record CallerEntry(string Name, string CallingNumber, CallRef Call);
