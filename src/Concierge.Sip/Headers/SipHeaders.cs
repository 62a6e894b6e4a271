using System.Collections;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Headers;

/// <summary>
/// The ordered header fields of a message. Known names (any case, compact forms) are stored under their canonical
/// name; unknown headers keep their name and value verbatim. Values of a parsed message stay as byte ranges of the
/// received bytes until read. Lookups are case-insensitive and accept compact forms.
/// </summary>
public sealed class SipHeaders : IReadOnlyList<SipHeader>
{
    private byte[]? _raw;
    private HeaderEntry[] _entries;
    private int _count;

    /// <summary>Creates an empty collection.</summary>
    public SipHeaders()
    {
        _entries = new HeaderEntry[12];
    }

    internal SipHeaders(byte[] raw, HeaderEntry[] entries, int count)
    {
        _raw = raw;
        _entries = entries;
        _count = count;
    }

    /// <summary>Changes whenever the collection is modified (lets typed accessors cache).</summary>
    public int Version { get; private set; }

    /// <inheritdoc />
    public int Count => _count;

    /// <summary>The header line at this position.</summary>
    public SipHeader this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return new SipHeader(_entries[index].Name, ValueAt(index));
        }
    }

    internal byte[]? Raw => _raw;

    internal ref readonly HeaderEntry EntryAt(int index) => ref _entries[index];

    /// <summary>The value text of the line at this position (folding replaced by a space).</summary>
    public string ValueAt(int index)
    {
        ref var e = ref _entries[index];
        if (e.Value is null)
        {
            e.Value = SpanText.Utf8(_raw.AsSpan(e.Start, e.Length));
        }
        return e.Value;
    }

    /// <summary>Value bytes of the line at this position (a slice of the received message when unmodified).</summary>
    internal ReadOnlySpan<byte> ValueBytesAt(int index)
    {
        ref readonly var e = ref _entries[index];
        return e.IsRaw ? _raw.AsSpan(e.Start, e.Length) : SpanText.Bytes(e.Value!);
    }

    /// <summary>True when at least one line has this name.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Number of lines with this name.</summary>
    public int CountOf(string name)
    {
        var n = 0;
        var (id, canonical) = Resolve(name);
        for (var i = 0; i < _count; i++)
        {
            if (Matches(i, id, canonical))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>Index of the first line with this name, or -1.</summary>
    public int IndexOf(string name)
    {
        var (id, canonical) = Resolve(name);
        return IndexOf(id, canonical, 0);
    }

    internal int IndexOf(HeaderId id, int from = 0) => IndexOf(id, null, from);

    /// <summary>Value of the first line with this name, or null.</summary>
    public string? GetFirst(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? null : ValueAt(index);
    }

    /// <summary>Finds the value of the first line with this name.</summary>
    public bool TryGetFirst(string name, out string value)
    {
        var index = IndexOf(name);
        value = index < 0 ? string.Empty : ValueAt(index);
        return index >= 0;
    }

    /// <summary>The value of every line with this name, in order (one entry per line).</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        var (id, canonical) = Resolve(name);
        var list = new List<string>();
        for (var i = 0; i < _count; i++)
        {
            if (Matches(i, id, canonical))
            {
                list.Add(ValueAt(i));
            }
        }
        return list;
    }

    /// <summary>All values of a list header (every line, split at top-level commas); for other headers same as GetAll.</summary>
    public IReadOnlyList<string> GetValues(string name)
    {
        var (id, canonical) = Resolve(name);
        var list = new List<string>();
        var split = HeaderNameTable.IsList(id);
        for (var i = 0; i < _count; i++)
        {
            if (Matches(i, id, canonical))
            {
                if (split)
                {
                    ListValueSplitter.Split(ValueAt(i), list);
                }
                else
                {
                    list.Add(ValueAt(i));
                }
            }
        }
        return list;
    }

    /// <summary>Appends a line.</summary>
    public void Add(string name, string value) => Insert(_count, name, value);

    /// <summary>Inserts a line before the first line with the same name (or at the top): used to push a Via.</summary>
    public void AddFirst(string name, string value)
    {
        var index = IndexOf(name);
        Insert(index < 0 ? 0 : index, name, value);
    }

    /// <summary>Inserts a line at a position.</summary>
    public void Insert(int index, string name, string value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)_count, nameof(index));
        value = SingleLine(value);
        var (id, canonical) = ResolveForWrite(name);
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(8, _entries.Length * 2));
        }
        Array.Copy(_entries, index, _entries, index + 1, _count - index);
        _entries[index] = new HeaderEntry(id, canonical, value);
        _count++;
        Version++;
    }

    /// <summary>Replaces the first line with this name in place and removes the others; appends when absent.</summary>
    public void Set(string name, string value)
    {
        value = SingleLine(value);
        var (id, canonical) = ResolveForWrite(name);
        var first = IndexOf(id, canonical, 0);
        if (first < 0)
        {
            Add(canonical, value);
            return;
        }
        _entries[first] = new HeaderEntry(id, canonical, value);
        for (var i = _count - 1; i > first; i--)
        {
            if (Matches(i, id, canonical))
            {
                RemoveAt(i);
            }
        }
        Version++;
    }

    /// <summary>Replaces the value of the line at this position.</summary>
    public void SetAt(int index, string value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        ref var e = ref _entries[index];
        e = new HeaderEntry(e.Id, e.Name, SingleLine(value));
        Version++;
    }

    /// <summary>Removes every line with this name; returns how many were removed.</summary>
    public int Remove(string name)
    {
        var (id, canonical) = Resolve(name);
        var removed = 0;
        for (var i = _count - 1; i >= 0; i--)
        {
            if (Matches(i, id, canonical))
            {
                RemoveAt(i);
                removed++;
            }
        }
        return removed;
    }

    /// <summary>Removes the first line with this name.</summary>
    public bool RemoveFirst(string name)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            RemoveAt(index);
        }
        return index >= 0;
    }

    /// <summary>Removes the line at this position.</summary>
    public void RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        Array.Copy(_entries, index + 1, _entries, index, _count - index - 1);
        _count--;
        _entries[_count] = default;
        Version++;
    }

    /// <summary>Removes all lines.</summary>
    public void Clear()
    {
        Array.Clear(_entries, 0, _count);
        _count = 0;
        Version++;
    }

    /// <summary>Appends a copy of a line of another collection (keeping its bytes verbatim).</summary>
    public void CopyFrom(SipHeaders source, int index)
    {
        Add(source._entries[index].Name, source.ValueAt(index));
    }

    /// <summary>Appends copies of every line with this name from another collection, in order.</summary>
    public void CopyAllFrom(SipHeaders source, string name)
    {
        var (id, canonical) = Resolve(name);
        for (var i = 0; i < source._count; i++)
        {
            if (source.Matches(i, id, canonical))
            {
                CopyFrom(source, i);
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<SipHeader> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Values are written on one line: CR and LF become spaces (a value can never inject a header).</summary>
    private static string SingleLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : value.Replace('\r', ' ').Replace('\n', ' ');
    }

    /// <summary>Header names written by code must be tokens (a programming error otherwise).</summary>
    private static (HeaderId Id, string Canonical) ResolveForWrite(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!SipCharClass.AllToken(name.AsSpan()))
        {
            throw new ArgumentException($"header name '{name}' is not a token", nameof(name));
        }
        return Resolve(name);
    }

    internal static (HeaderId Id, string Canonical) Resolve(string name)
    {
        var id = HeaderNameTable.Lookup(name);
        return (id, id == HeaderId.Unknown ? name : HeaderNameTable.Name(id));
    }

    private int IndexOf(HeaderId id, string? canonical, int from)
    {
        for (var i = from; i < _count; i++)
        {
            if (Matches(i, id, canonical))
            {
                return i;
            }
        }
        return -1;
    }

    private bool Matches(int index, HeaderId id, string? canonical)
    {
        ref readonly var e = ref _entries[index];
        return id != HeaderId.Unknown
            ? e.Id == id
            : e.Id == HeaderId.Unknown && string.Equals(e.Name, canonical, StringComparison.OrdinalIgnoreCase);
    }
}
