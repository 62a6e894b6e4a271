namespace Concierge.Sip.Parsing;

/// <summary>Why and where (byte offset in the input) a message was rejected.</summary>
public readonly record struct SipParseError(SipParseErrorKind Kind, int Offset, string Detail)
{
    /// <summary>No error.</summary>
    public static SipParseError None => default;

    /// <summary>True when this is not an error.</summary>
    public bool IsNone => Kind == SipParseErrorKind.None;

    /// <summary>`Kind at byte N: detail`.</summary>
    public override string ToString() => IsNone ? "none" : $"{Kind} at byte {Offset}: {Detail}";
}
