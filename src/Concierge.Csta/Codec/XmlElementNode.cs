using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>One decoded element: its local name, text and child elements (attributes are not used by ECMA-323).</summary>
internal sealed class XmlElementNode(string name)
{
    public string Name { get; } = name;

    public string? Text { get; set; }

    public List<XmlElementNode>? Children { get; set; }

    /// <summary>The message's privateData (root element only).</summary>
    public PrivateData? PrivateData { get; set; }

    public XmlElementNode? Child(ReadOnlySpan<char> name)
    {
        if (Children is null) return null;
        foreach (var child in Children)
        {
            if (name.SequenceEqual(child.Name)) return child;
        }
        return null;
    }

    /// <summary>Follows a '/'-separated path of child names.</summary>
    public XmlElementNode? Find(string path)
    {
        var node = this;
        var rest = path.AsSpan();
        while (node is not null)
        {
            var slash = rest.IndexOf('/');
            if (slash < 0) return node.Child(rest);
            node = node.Child(rest[..slash]);
            rest = rest[(slash + 1)..];
        }
        return null;
    }

    public IEnumerable<XmlElementNode> ChildrenNamed(string name)
    {
        if (Children is null) yield break;
        foreach (var child in Children)
        {
            if (child.Name == name) yield return child;
        }
    }
}
