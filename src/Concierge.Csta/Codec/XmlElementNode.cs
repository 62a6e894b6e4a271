using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>One decoded element: its local name, text and child elements (attributes are not used by ECMA-323).</summary>
internal sealed class XmlElementNode(string name)
{
    public string Name { get; private set; } = name;

    /// <summary>Makes a pooled node fresh for another element.</summary>
    public XmlElementNode Reset(string name)
    {
        Name = name;
        Text = null;
        Children?.Clear();
        PrivateData = null;
        PrivateDataRejection = null;
        return this;
    }

    public string? Text { get; set; }

    public List<XmlElementNode>? Children { get; set; }

    /// <summary>The message's privateData (root element only).</summary>
    public PrivateData? PrivateData { get; set; }

    /// <summary>Why a private data element of the message was dropped (root element only).</summary>
    public string? PrivateDataRejection { get; set; }

    public XmlElementNode? Child(ReadOnlySpan<char> name)
    {
        if (Children is not { } children) return null;
        for (var i = 0; i < children.Count; i++)
        {
            if (name.SequenceEqual(children[i].Name)) return children[i];
        }
        return null;
    }

    public bool HasChildren => Children is { Count: > 0 };

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
