using Concierge.Config.Validation;

namespace Concierge.Config.Topology;

/// <summary>A node of a topology file after <c>extends</c> merging: a scalar, a mapping or a sequence, each knowing where it was written.</summary>
public abstract class TopologyNode
{
    private protected TopologyNode(SourceLocation source) => Source = source;

    /// <summary>Where the node was written (for a merged mapping: where the most derived file wrote it).</summary>
    public SourceLocation Source { get; }

    /// <summary>A short description of the node kind for error messages.</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar: text as written, or null for <c>~</c>, <c>null</c> or nothing.</summary>
public sealed class TopologyScalar(string? value, SourceLocation source) : TopologyNode(source)
{
    /// <summary>The text, or null.</summary>
    public string? Value { get; } = value;

    /// <inheritdoc />
    public override string Kind => Value is null ? "null" : "a value";

    /// <inheritdoc />
    public override string ToString() => Value ?? "~";
}

/// <summary>One key of a mapping with its value.</summary>
public sealed record TopologyEntry(string Key, SourceLocation KeySource, TopologyNode Value);

/// <summary>A mapping; keys keep the order they were written in (a derived file's new keys come after inherited ones).</summary>
public sealed class TopologyMapping(IReadOnlyList<TopologyEntry> entries, SourceLocation source, bool replaces = false) : TopologyNode(source)
{
    /// <summary>The YAML tag that makes a mapping replace the inherited one whole instead of merging into it.</summary>
    public const string ReplaceTag = "!replace";

    /// <summary>Whether this mapping was tagged <c>!replace</c>: in an <c>extends</c> merge it replaces the inherited mapping.</summary>
    public bool Replaces { get; } = replaces;

    /// <summary>The entries in order.</summary>
    public IReadOnlyList<TopologyEntry> Entries { get; } = entries;

    /// <inheritdoc />
    public override string Kind => "a mapping";

    /// <summary>The value under <paramref name="key"/>, or null when absent.</summary>
    public TopologyNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key)?.Value;

    /// <summary>The keys in order.</summary>
    public IEnumerable<string> Keys => Entries.Select(e => e.Key);

    /// <summary>The scalar text under <paramref name="key"/>, or null when absent, null or not a scalar.</summary>
    public string? Text(string key) => (this[key] as TopologyScalar)?.Value;

    /// <summary>The mapping under <paramref name="key"/>, or null.</summary>
    public TopologyMapping? Mapping(string key) => this[key] as TopologyMapping;

    /// <summary>The sequence under <paramref name="key"/>, or null.</summary>
    public TopologySequence? Sequence(string key) => this[key] as TopologySequence;
}

/// <summary>A sequence of nodes.</summary>
public sealed class TopologySequence(IReadOnlyList<TopologyNode> items, SourceLocation source) : TopologyNode(source)
{
    /// <summary>The items in order.</summary>
    public IReadOnlyList<TopologyNode> Items { get; } = items;

    /// <inheritdoc />
    public override string Kind => "a list";
}
