using System.Collections;
using System.Text;

namespace Concierge.Sip.Message;

/// <summary>An immutable ordered list of parameters; names compare case-insensitively, values ordinally.</summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>, IEquatable<SipParameters>
{
    private readonly SipParameter[] _items;

    /// <summary>The empty list.</summary>
    public static SipParameters Empty { get; } = new([]);

    private SipParameters(SipParameter[] items) => _items = items;

    /// <summary>Creates a list from the given parameters, in order.</summary>
    public static SipParameters Of(params IEnumerable<SipParameter> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? Empty : new SipParameters(array);
    }

    internal static SipParameters FromList(List<SipParameter>? items) =>
        items is null || items.Count == 0 ? Empty : new SipParameters(items.ToArray());

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public SipParameter this[int index] => _items[index];

    /// <summary>True when a parameter with this name (case-insensitive) is present.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The value of the first parameter with this name; null when absent or a flag.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <summary>Finds the first parameter with this name; value is null for a flag parameter.</summary>
    public bool TryGetValue(string name, out string? value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? _items[index].Value : null;
        return index >= 0;
    }

    /// <summary>The index of the first parameter with this name, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A copy with the parameter set (replacing the first of that name in place, or appended).</summary>
    public SipParameters With(string name, string? value)
    {
        var index = IndexOf(name);
        var copy = index >= 0 ? (SipParameter[])_items.Clone() : [.. _items, default];
        copy[index >= 0 ? index : copy.Length - 1] = new SipParameter(index >= 0 ? _items[index].Name : name, value);
        return new SipParameters(copy);
    }

    /// <summary>A copy without any parameter of this name.</summary>
    public SipParameters Without(string name)
    {
        if (IndexOf(name) < 0)
        {
            return this;
        }
        var kept = _items.Where(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        return kept.Length == 0 ? Empty : new SipParameters(kept);
    }

    /// <summary>Writes `;name=value` for each parameter.</summary>
    public void AppendTo(StringBuilder builder)
    {
        foreach (var p in _items)
        {
            builder.Append(';').Append(p.Name);
            if (p.Value is not null)
            {
                builder.Append('=').Append(p.Value);
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(SipParameters? other)
    {
        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }
        for (var i = 0; i < _items.Length; i++)
        {
            if (!string.Equals(_items[i].Name, other._items[i].Name, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(_items[i].Value, other._items[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SipParameters);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in _items)
        {
            hash.Add(p.Name, StringComparer.OrdinalIgnoreCase);
            hash.Add(p.Value);
        }
        return hash.ToHashCode();
    }

    /// <summary>The `;name=value...` form.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }
}
