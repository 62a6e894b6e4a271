using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>How one message type maps to its root element: writing its fields and reading them back.</summary>
internal abstract class MessageMap(string elementName, Type messageType, string? ownNamespace)
{
    public string ElementName { get; } = elementName;

    /// <summary>The namespace of a message outside ECMA-323 (ECMA-354 application sessions), or null for a CSTA message.</summary>
    public string? OwnNamespace { get; } = ownNamespace;

    public Type MessageType { get; } = messageType;

    public abstract void WriteFields(CstaXmlWriter writer, CstaMessage message);

    public abstract CstaMessage ReadFields(FieldReader reader);
}

/// <summary>A <see cref="MessageMap"/> built from two delegates.</summary>
internal sealed class MessageMap<T>(string elementName, Action<CstaXmlWriter, T> write, Func<FieldReader, T> read, string? ownNamespace = null)
    : MessageMap(elementName, typeof(T), ownNamespace) where T : CstaMessage
{
    public override void WriteFields(CstaXmlWriter writer, CstaMessage message) => write(writer, (T)message);

    public override CstaMessage ReadFields(FieldReader reader) => read(reader);
}

/// <summary>Collects the maps of every supported message, by element name and by type.</summary>
internal sealed class MessageMapRegistry
{
    private readonly Dictionary<string, MessageMap> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, MessageMap> _byType = new();

    public void Add<T>(string elementName, Action<CstaXmlWriter, T> write, Func<FieldReader, T> read, string? ownNamespace = null) where T : CstaMessage
    {
        var map = new MessageMap<T>(elementName, write, read, ownNamespace);
        _byName.Add(elementName, map);
        _byType.Add(typeof(T), map);
    }

    /// <summary>A message with no fields besides privateData.</summary>
    public void AddEmpty<T>(string elementName, string? ownNamespace = null) where T : CstaMessage, new() =>
        Add<T>(elementName, static (_, _) => { }, static _ => new T(), ownNamespace);

    public MessageMap? ForName(string elementName) => _byName.GetValueOrDefault(elementName);

    public MessageMap? ForType(Type type) => _byType.GetValueOrDefault(type);

    public IEnumerable<string> ElementNames => _byName.Keys;
}
