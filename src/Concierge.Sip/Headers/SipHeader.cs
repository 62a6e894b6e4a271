namespace Concierge.Sip.Headers;

/// <summary>One header field line: canonical (or verbatim unknown) name and its value text.</summary>
public readonly record struct SipHeader(string Name, string Value)
{
    /// <summary>`Name: value`.</summary>
    public override string ToString() => Name + ": " + Value;
}
