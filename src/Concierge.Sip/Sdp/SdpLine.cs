namespace Concierge.Sip.Sdp;

/// <summary>One `type=value` line of a session description (RFC 4566 §5), kept in order.</summary>
public readonly record struct SdpLine(char Type, string Value)
{
    /// <summary>`t=value`.</summary>
    public override string ToString() => Type + "=" + Value;
}
