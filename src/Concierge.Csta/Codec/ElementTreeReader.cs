using System.Xml;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>
/// Reads a message element into an <see cref="XmlElementNode"/> tree, bounded in depth and size. Nodes come from a
/// pool reused by every read, so a tree is only valid until the next read.
/// </summary>
internal sealed class ElementTreeReader
{
    private readonly List<XmlElementNode> _pool = [];
    private int _used;

    public const int MaxDepth = 16;
    public const int MaxElements = 2_000;
    public const int MaxPrivateItems = 64;

    /// <summary>Reads the element the reader stands on, including its subtree, and moves past its end.</summary>
    /// <remarks>
    /// In CSTAErrorCode the first child names the error category, and one category is called privateData: there the
    /// first child is always read as a field.
    /// </remarks>
    public XmlElementNode ReadRoot(XmlReader reader, bool firstChildIsField)
    {
        _used = 0;
        var count = 0;
        return ReadElement(reader, 0, ref count, isRoot: true, firstChildIsField);
    }

    private XmlElementNode NewNode(string name)
    {
        if (_used < _pool.Count) return _pool[_used++].Reset(name);
        var node = new XmlElementNode(name);
        _pool.Add(node);
        _used++;
        return node;
    }

    private XmlElementNode ReadElement(XmlReader reader, int depth, ref int count, bool isRoot, bool firstChildIsField = false)
    {
        if (depth > MaxDepth) throw new CstaFormatException($"element nesting deeper than {MaxDepth}");
        if (++count > MaxElements) throw new CstaFormatException($"more than {MaxElements} elements");
        var node = NewNode(reader.LocalName);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return node;
        }
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (isRoot && reader.LocalName == "privateData" && !(firstChildIsField && !node.HasChildren))
                    {
                        node.PrivateData = ReadPrivateData(reader, ref count, out var rejection);
                        node.PrivateDataRejection = rejection;
                    }
                    else if (isRoot && reader.LocalName == "extensions" && !(firstChildIsField && !node.HasChildren))
                    {
                        ReadExtensions(reader, node, depth, ref count);
                    }
                    else
                    {
                        (node.Children ??= new List<XmlElementNode>(4)).Add(ReadElement(reader, depth + 1, ref count, isRoot: false));
                    }
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    node.Text = node.Text is null ? reader.Value : node.Text + reader.Value;
                    reader.Read();
                    break;
                case XmlNodeType.None:
                    throw new CstaFormatException("document ends inside an element");
                default:
                    reader.Read();
                    break;
            }
        }
        reader.Read();
        return node;
    }

    /// <summary>
    /// Reads <c>extensions</c> (ECMA-323 edition 4 puts privateData there): its privateData becomes the message's;
    /// anything else in it (security, time stamps) is read and dropped.
    /// </summary>
    private void ReadExtensions(XmlReader reader, XmlElementNode root, int depth, ref int count)
    {
        if (++count > MaxElements) throw new CstaFormatException($"more than {MaxElements} elements");
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType == XmlNodeType.None) throw new CstaFormatException("document ends inside extensions");
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == "privateData" && root.PrivateData is null)
            {
                root.PrivateData = ReadPrivateData(reader, ref count, out var rejection);
                root.PrivateDataRejection = rejection;
            }
            else
            {
                ReadElement(reader, depth + 2, ref count, isRoot: false);
            }
        }
        reader.Read();
    }

    /// <summary>
    /// Reads privateData: the OSV V8 element becomes the typed pair, every other item is kept verbatim. A V8 element
    /// that is malformed, or a second one, is dropped and named in <paramref name="rejection"/>.
    /// </summary>
    private PrivateData ReadPrivateData(XmlReader reader, ref int count, out string? rejection)
    {
        rejection = null;
        OnsOndPair? onsOnd = null;
        var v8Seen = false;
        var others = new List<string>();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new PrivateData(null, ValueList<string>.Empty);
        }
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType == XmlNodeType.None) throw new CstaFormatException("document ends inside privateData");
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            if (reader.LocalName == "private" && !reader.IsEmptyElement)
            {
                reader.Read();
                while (reader.NodeType != XmlNodeType.EndElement)
                {
                    if (reader.NodeType == XmlNodeType.None) throw new CstaFormatException("document ends inside privateData");
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                    }
                    else if (reader.LocalName == OsvV8PrivateData.ElementName)
                    {
                        var node = ReadElement(reader, 3, ref count, isRoot: false);
                        if (v8Seen)
                        {
                            onsOnd = null;
                            rejection = $"more than one {OsvV8PrivateData.ElementName} element";
                        }
                        else
                        {
                            v8Seen = true;
                            onsOnd = OsvV8PrivateData.Read(node, out rejection);
                        }
                    }
                    else
                    {
                        AddItem(others, reader.ReadOuterXml());
                    }
                }
                reader.Read();
            }
            else
            {
                AddItem(others, reader.ReadOuterXml());
            }
        }
        reader.Read();
        return new PrivateData(onsOnd, others.Count == 0 ? ValueList<string>.Empty : new ValueList<string>(others));
    }

    private static void AddItem(List<string> items, string item)
    {
        if (items.Count >= MaxPrivateItems) throw new CstaFormatException($"more than {MaxPrivateItems} private data items");
        items.Add(item);
    }
}
