namespace Concierge.Sip.Headers;

/// <summary>Storage of one header line: either a byte range of the received message or a string value.</summary>
internal struct HeaderEntry
{
    public HeaderId Id;
    public string Name;
    public int Start;
    public int Length;
    public string? Value;

    public HeaderEntry(HeaderId id, string name, int start, int length)
    {
        Id = id;
        Name = name;
        Start = start;
        Length = length;
        Value = null;
    }

    public HeaderEntry(HeaderId id, string name, string value)
    {
        Id = id;
        Name = name;
        Start = -1;
        Length = 0;
        Value = value;
    }

    public readonly bool IsRaw => Start >= 0;
}
