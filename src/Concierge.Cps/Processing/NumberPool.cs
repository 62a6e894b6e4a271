using Concierge.Config.Numbers;

namespace Concierge.Cps.Processing;

/// <summary>
/// A range of internal CPS numbers (request or callback numbers) handed out one at a time and returned when done;
/// the lowest free number is always handed out first, so runs are reproducible.
/// </summary>
public sealed class NumberPool
{
    private readonly SortedSet<long> _free = new();
    private readonly HashSet<long> _taken = new();
    private readonly int _length;

    /// <summary>Creates a pool over <paramref name="range"/>.</summary>
    public NumberPool(string name, NumberRange range)
    {
        Name = name;
        _length = range.First.Length;
        for (var n = range.First.NumericValue; n <= range.Last.NumericValue; n++) _free.Add(n);
        Capacity = _free.Count;
    }

    /// <summary>What the pool is for ("request", "callback").</summary>
    public string Name { get; }

    /// <summary>Numbers in the range.</summary>
    public int Capacity { get; }

    /// <summary>Numbers handed out now.</summary>
    public int InUse => _taken.Count;

    /// <summary>Takes the lowest free number, or null when all are in use.</summary>
    public E164Number? TryTake()
    {
        if (_free.Count == 0) return null;
        var n = _free.Min;
        _free.Remove(n);
        _taken.Add(n);
        return E164Number.Parse("+" + n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(_length, '0'));
    }

    /// <summary>Whether <paramref name="number"/> is handed out now.</summary>
    public bool IsTaken(E164Number number) => _taken.Contains(number.NumericValue);

    /// <summary>Returns a number; returning one that is not out is an invariant violation.</summary>
    public void Return(E164Number number)
    {
        if (!_taken.Remove(number.NumericValue)) throw new CpsInvariantException($"{Name} number {number} returned but not handed out");
        _free.Add(number.NumericValue);
    }
}
