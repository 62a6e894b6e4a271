using System.Buffers;
using System.Text;
using System.Xml;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>
/// Encodes and decodes ECMA-323 CSTA XML documents (edition 3 written by default; the <see cref="CstaDialect"/> picks
/// edition 4, OSV device identifiers and extras, and whether edition 2 or namespace-less documents are read). One
/// instance per engine: it reuses buffers and is not thread-safe. Nothing it is given makes it throw; bad input
/// yields an error text.
/// </summary>
public sealed class CstaXmlCodec
{
    /// <summary>Largest document accepted or produced, in bytes (the framing's 16-bit length bounds it anyway).</summary>
    public const int MaxDocumentBytes = 65_535 - 8;

    private static readonly MessageMapRegistry Maps = BuildMaps();

    // One writer is reused for every message (fragment mode: each message is one top-level element); the XML
    // declaration is written ahead of it by hand. A writer that failed half-way is replaced.
    private static readonly byte[] XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8.ToArray();

    private readonly XmlWriterSettings _writerSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
        CloseOutput = false,
        CheckCharacters = true,
    };

    private readonly XmlReaderSettings _readerSettings;
    private readonly MemoryStream _output = new(1024);
    private readonly ElementTreeReader _treeReader = new();
    private readonly ConsecutiveDocumentReader _consecutiveReader;
    private XmlWriter? _xmlWriter;
    private CstaXmlWriter? _cstaWriter;

    /// <summary>Creates a codec speaking <paramref name="dialect"/> (default: plain edition 3).</summary>
    public CstaXmlCodec(CstaDialect? dialect = null)
    {
        Dialect = dialect ?? CstaDialect.Standard;
        if (Dialect.Problem() is { } problem) throw new ArgumentException(problem, nameof(dialect));
        _readerSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
            MaxCharactersInDocument = MaxDocumentBytes * 2L,
            NameTable = new NameTable(),
        };
        _consecutiveReader = new ConsecutiveDocumentReader(_readerSettings.NameTable);
    }

    /// <summary>How this codec writes and reads.</summary>
    public CstaDialect Dialect { get; }

    /// <summary>Every root element name this codec understands.</summary>
    public static IEnumerable<string> SupportedElements => Maps.ElementNames;

    /// <summary>The root element name a message type is written as, or null when the type is not supported.</summary>
    public static string? ElementNameOf(Type messageType) => Maps.ForType(messageType)?.ElementName;

    /// <summary>
    /// Writes <paramref name="message"/> as an XML document into <paramref name="output"/>. Returns null on success,
    /// otherwise why it could not be written (unsupported type, characters XML cannot carry, too large).
    /// </summary>
    public string? TryEncode(CstaMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        var map = Maps.ForType(message.GetType());
        if (map is null) return $"{message.GetType().Name} is not a supported CSTA message";
        _output.SetLength(0);
        try
        {
            if (_xmlWriter is null)
            {
                _xmlWriter = XmlWriter.Create(_output, _writerSettings);
                _cstaWriter = new CstaXmlWriter(_xmlWriter, Dialect);
            }
            var writer = _cstaWriter!;
            writer.StartMessage(map.ElementName, map.OwnNamespace);
            map.WriteFields(writer, message);
            writer.PrivateData(message.PrivateData, message is CstaEvent);
            writer.End();
            _xmlWriter.Flush();
        }
        catch (Exception ex)
        {
            _xmlWriter = null;
            _cstaWriter = null;
            return $"{map.ElementName} cannot be written as XML: {ex.Message}";
        }
        var total = XmlDeclaration.Length + _output.Length;
        if (total > MaxDocumentBytes) return $"{map.ElementName} is {total} bytes, more than {MaxDocumentBytes}";
        output.Write(XmlDeclaration);
        output.Write(_output.GetBuffer().AsSpan(0, (int)_output.Length));
        return null;
    }

    /// <summary>Encodes into a new array; returns null and the reason when the message cannot be written.</summary>
    public byte[]? TryEncode(CstaMessage message, out string? error)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        error = TryEncode(message, buffer);
        return error is null ? buffer.WrittenSpan.ToArray() : null;
    }

    /// <summary>Decodes one XML document.</summary>
    public CstaDecodeResult Decode(ReadOnlySpan<byte> document)
    {
        if (document.IsEmpty) return CstaDecodeResult.Failure("empty document");
        if (document.Length > MaxDocumentBytes) return CstaDecodeResult.Failure($"document of {document.Length} bytes is larger than {MaxDocumentBytes}");
        var result = ConsecutiveDocumentReader.TryGetBody(document, out var body) && DecodeWithReusedReader(body) is { } fast
            ? fast
            : DecodeWithNewReader(document);
        if (result.PrivateDataRejection is not null) RejectedPrivateData++;
        if (result.Ignored) UnknownEventsIgnored++;
        if (result.NamespaceRejected) RejectedNamespaces++;
        return result;
    }

    /// <summary>Events of types this codec does not know, read and ignored (never an error).</summary>
    public long UnknownEventsIgnored { get; private set; }

    /// <summary>Documents refused for their namespace (edition 2 or none on a strict link, or not CSTA at all).</summary>
    public long RejectedNamespaces { get; private set; }

    /// <summary>
    /// Messages decoded whose private data element was malformed and dropped (see
    /// <see cref="CstaDecodeResult.PrivateDataRejection"/>); never thrown, only counted.
    /// </summary>
    public long RejectedPrivateData { get; private set; }

    /// <summary>
    /// Decodes that failed on an exception other than malformed input (a bug in the codec, still reported as an
    /// error rather than thrown); the fuzz tests require it to stay zero.
    /// </summary>
    public long InternalErrors { get; private set; }

    /// <summary>The last internal error, for the report.</summary>
    public string? LastInternalError { get; private set; }

    /// <summary>Documents decoded by the shared reader (for tests and diagnostics).</summary>
    internal long FastPathDecodes { get; private set; }

    /// <summary>The fast path; null when the shared reader could not read the document (the plain path then decides).</summary>
    private CstaDecodeResult? DecodeWithReusedReader(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = _consecutiveReader.Begin(body);
            if (reader is null) return null;
            var result = DecodeAt(reader, out var rootRead);
            if (!rootRead)
            {
                _consecutiveReader.Discard();
                return null;
            }
            if (!_consecutiveReader.End()) return null;
            FastPathDecodes++;
            return result;
        }
        catch (Exception)
        {
            _consecutiveReader.Discard();
            return null;
        }
    }

    /// <summary>Decodes with a reader of its own, never the shared one (the reference the fast path is tested against).</summary>
    internal CstaDecodeResult DecodeWithNewReader(ReadOnlySpan<byte> document)
    {
        var rented = ArrayPool<byte>.Shared.Rent(document.Length);
        try
        {
            document.CopyTo(rented);
            using var stream = new MemoryStream(rented, 0, document.Length, writable: false);
            using var reader = XmlReader.Create(stream, _readerSettings);
            reader.MoveToContent();
            var result = DecodeAt(reader, out var rootRead);
            if (rootRead)
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element) return CstaDecodeResult.Failure("more than one root element", result.RootElement);
                }
            }
            return result;
        }
        catch (Exception ex)
        {
            return Malformed(ex, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes the message whose root element the reader stands on; <paramref name="rootRead"/> says whether the whole root was consumed.</summary>
    private CstaDecodeResult DecodeAt(XmlReader reader, out bool rootRead)
    {
        rootRead = false;
        string? root = null;
        try
        {
            if (reader.NodeType != XmlNodeType.Element) return CstaDecodeResult.Failure("no root element");
            root = reader.LocalName;
            var map = Maps.ForName(root);
            if (NamespaceRefusal(root, reader.NamespaceURI, map) is { } refusal)
            {
                return CstaDecodeResult.Failure(refusal, root) with { NamespaceRejected = true };
            }
            if (map is null)
            {
                if (!root.EndsWith("Event", StringComparison.Ordinal)) return CstaDecodeResult.Failure($"unsupported message '{root}'", root);
                _treeReader.ReadRoot(reader, firstChildIsField: false);
                rootRead = true;
                return CstaDecodeResult.IgnoredEvent(root);
            }
            var tree = _treeReader.ReadRoot(reader, firstChildIsField: map.MessageType == typeof(CstaErrorResponse));
            rootRead = true;
            var fields = new FieldReader(tree, root, Dialect.ReadDevice);
            var message = map.ReadFields(fields);
            if (fields.Error is not null) return CstaDecodeResult.Failure(fields.Error, root);
            if (tree.PrivateData is not null) message = message with { PrivateData = tree.PrivateData };
            return CstaDecodeResult.Success(message, root) with { PrivateDataRejection = tree.PrivateDataRejection };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            rootRead = false;
            return Malformed(ex, root);
        }
    }

    /// <summary>Why a root element in <paramref name="ns"/> is refused, or null when it is read.</summary>
    private string? NamespaceRefusal(string root, string ns, MessageMap? map)
    {
        if (map?.OwnNamespace is { } own && ns == own) return null;
        if (ns.StartsWith(CstaNamespace.AnyEditionPrefix, StringComparison.Ordinal)) return null;
        if (ns == CstaNamespace.Edition2 || ns.Length == 0)
        {
            if (Dialect.Lenient) return null;
            var what = ns.Length == 0 ? "has no namespace" : "is in the edition 2 namespace";
            return $"root element '{root}' {what}; read only on a link configured lenient";
        }
        var expected = map?.OwnNamespace is { } other ? other : "ECMA-323";
        return $"root element '{root}' is in namespace '{ns}', not {expected}";
    }

    private CstaDecodeResult Malformed(Exception ex, string? root)
    {
        if (ex is not (XmlException or CstaFormatException or DecoderFallbackException))
        {
            InternalErrors++;
            LastInternalError = ex.ToString();
        }
        return CstaDecodeResult.Failure($"malformed CSTA XML: {ex.Message}", root);
    }

    private static MessageMapRegistry BuildMaps()
    {
        var maps = new MessageMapRegistry();
        ServiceMaps.AddTo(maps);
        FeatureMaps.AddTo(maps);
        EventMaps.AddTo(maps);
        ApplicationSessionMaps.AddTo(maps);
        return maps;
    }
}
