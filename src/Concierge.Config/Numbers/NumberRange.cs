namespace Concierge.Config.Numbers;

/// <summary>A contiguous block of E.164 numbers of one length, first to last inclusive.</summary>
public sealed record NumberRange(E164Number First, E164Number Last)
{
    /// <summary>A range holding one number.</summary>
    public static NumberRange Single(E164Number number) => new(number, number);

    /// <summary>Why this range is malformed, or null when it is well formed.</summary>
    public string? Problem =>
        First.Length != Last.Length ? "first and last number differ in length"
        : First.CompareTo(Last) > 0 ? "the first number is after the last"
        : null;

    /// <summary>How many numbers the range holds (0 when malformed).</summary>
    public long Count => Problem is null ? Last.NumericValue - First.NumericValue + 1 : 0;

    /// <summary>Whether <paramref name="number"/> lies in the range.</summary>
    public bool Contains(E164Number number) =>
        Problem is null && number.Length == First.Length
        && number.CompareTo(First) >= 0 && number.CompareTo(Last) <= 0;

    /// <summary>Whether the two ranges share at least one number.</summary>
    public bool Overlaps(NumberRange other) =>
        Problem is null && other.Problem is null && First.Length == other.First.Length
        && First.CompareTo(other.Last) <= 0 && other.First.CompareTo(Last) <= 0;

    /// <summary>The numbers of the range in order.</summary>
    public IEnumerable<E164Number> Numbers()
    {
        for (long i = 0; i < Count; i++)
        {
            yield return First.Offset(i)!.Value;
        }
    }

    /// <summary>"+first…+last", or the single number.</summary>
    public override string ToString() => First == Last ? First.ToString() : $"{First}…{Last}";
}
