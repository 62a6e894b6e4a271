using System.Collections;

namespace Concierge.Runtime.Collections;

/// <summary>An immutable list compared by its elements, so records holding lists (configuration, messages) have value equality.</summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>The empty list.</summary>
    public static readonly ValueList<T> Empty = new([]);

    /// <summary>Copies <paramref name="items"/> into a new list.</summary>
    public ValueList(IEnumerable<T> items) => _items = items.ToArray();

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>"[a, b, c]".</summary>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <summary>Wraps an array.</summary>
    public static implicit operator ValueList<T>(T[] items) => new(items);

    /// <summary>Wraps a list.</summary>
    public static implicit operator ValueList<T>(List<T> items) => new(items);
}

/// <summary>Builds <see cref="ValueList{T}"/> values.</summary>
public static class ValueList
{
    /// <summary>A list of the given items.</summary>
    public static ValueList<T> Of<T>(params T[] items) => items.Length == 0 ? ValueList<T>.Empty : new ValueList<T>(items);

    /// <summary>A list of the sequence's items.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
