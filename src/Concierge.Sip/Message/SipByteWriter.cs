using System.Text;

namespace Concierge.Sip.Message;

/// <summary>Writes message bytes into a span, or only counts them when the span is empty (two-pass serialization).</summary>
internal ref struct SipByteWriter
{
    private readonly Span<byte> _buffer;
    private readonly bool _counting;

    public SipByteWriter(Span<byte> buffer, bool counting)
    {
        _buffer = buffer;
        _counting = counting;
        Position = 0;
    }

    public int Position { get; private set; }

    public void Write(scoped ReadOnlySpan<byte> bytes)
    {
        if (!_counting)
        {
            bytes.CopyTo(_buffer[Position..]);
        }
        Position += bytes.Length;
    }

    public void Write(string text)
    {
        if (_counting)
        {
            Position += Encoding.UTF8.GetByteCount(text);
        }
        else
        {
            Position += Encoding.UTF8.GetBytes(text, _buffer[Position..]);
        }
    }

    public void Write(int value)
    {
        Span<byte> digits = stackalloc byte[11];
        value.TryFormat(digits, out var n, default, System.Globalization.CultureInfo.InvariantCulture);
        Write(digits[..n]);
    }
}
