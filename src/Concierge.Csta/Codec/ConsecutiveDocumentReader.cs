using System.Xml;

namespace Concierge.Csta.Codec;

/// <summary>
/// Reads many small UTF-8 XML documents with one <see cref="XmlReader"/> (creating a reader costs more than reading a
/// CSTA message). Each document is fed without its XML declaration and followed by a sentinel element; after the
/// root element the reader must stand on the sentinel, which proves nothing else followed the root. Any trouble makes
/// the caller discard the reader and decode the document the plain way.
/// </summary>
internal sealed class ConsecutiveDocumentReader(XmlNameTable nameTable)
{
    private const string SentinelName = "csta-document-end";
    private const int DocumentsPerReader = 10_000;
    private static readonly byte[] Sentinel = "<csta-document-end/>"u8.ToArray();

    private readonly XmlReaderSettings _settings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
        NameTable = nameTable,
    };

    private readonly FeedStream _stream = new();
    private XmlReader? _reader;
    private int _documents;

    /// <summary>The XML declarations the fast path strips; any other goes the plain way, so nothing is judged differently.</summary>
    private static readonly byte[][] KnownDeclarations =
    [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8.ToArray(),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8.ToArray(),
        "<?xml version='1.0' encoding='UTF-8'?>"u8.ToArray(),
        "<?xml version='1.0' encoding='utf-8'?>"u8.ToArray(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"u8.ToArray(),
        "<?xml version=\"1.0\"?>"u8.ToArray(),
    ];

    /// <summary>
    /// Strips a UTF-8 BOM and one of the usual UTF-8 XML declarations; false for any other declaration, which must be
    /// read the plain way.
    /// </summary>
    public static bool TryGetBody(ReadOnlySpan<byte> document, out ReadOnlySpan<byte> body)
    {
        body = document;
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) body = body[3..];
        if (!body.StartsWith("<?"u8)) return true;
        foreach (var declaration in KnownDeclarations)
        {
            if (body.StartsWith(declaration))
            {
                body = body[declaration.Length..];
                return true;
            }
        }
        return false;
    }

    /// <summary>Loads one document body and moves the reader to its first node; null when the reader cannot go on.</summary>
    public XmlReader? Begin(ReadOnlySpan<byte> body)
    {
        var fresh = _reader is null || _documents >= DocumentsPerReader || !_stream.IsDrained;
        if (fresh) Discard();
        _stream.Load(body, Sentinel);
        if (fresh)
        {
            _reader = XmlReader.Create(_stream, _settings);
            _documents = 0;
            if (!_reader.Read()) return Fail();
        }
        else if (!_reader!.Read())
        {
            return Fail();
        }
        _documents++;
        return _reader;
    }

    /// <summary>True when, after the root element, only the sentinel followed; the reader then waits on it.</summary>
    public bool End()
    {
        if (_reader is null) return false;
        if (_reader.MoveToContent() == XmlNodeType.Element && _reader.LocalName == SentinelName && _reader.IsEmptyElement && _stream.IsDrained) return true;
        Discard();
        return false;
    }

    /// <summary>Drops the reader (after an error); the next document starts a new one.</summary>
    public void Discard()
    {
        _reader?.Dispose();
        _reader = null;
    }

    private XmlReader? Fail()
    {
        Discard();
        return null;
    }

    /// <summary>A read-only stream over the current document plus sentinel; refilled for every document.</summary>
    private sealed class FeedStream : Stream
    {
        private byte[] _data = new byte[2048];
        private int _position;
        private int _length;

        public bool IsDrained => _position == _length;

        public void Load(ReadOnlySpan<byte> body, ReadOnlySpan<byte> sentinel)
        {
            var needed = body.Length + sentinel.Length;
            if (_data.Length < needed) _data = new byte[Math.Max(needed, _data.Length * 2)];
            body.CopyTo(_data);
            sentinel.CopyTo(_data.AsSpan(body.Length));
            _position = 0;
            _length = needed;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, _length - _position);
            _data.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
