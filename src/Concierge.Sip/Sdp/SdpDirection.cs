namespace Concierge.Sip.Sdp;

/// <summary>Media direction attributes (RFC 4566 §6, RFC 3264 §5.1, §8.4 hold).</summary>
public enum SdpDirection
{
    /// <summary>a=sendrecv (the default).</summary>
    SendRecv,
    /// <summary>a=sendonly (the holding side's re-offer).</summary>
    SendOnly,
    /// <summary>a=recvonly (the answer to sendonly).</summary>
    RecvOnly,
    /// <summary>a=inactive.</summary>
    Inactive,
}

/// <summary>Attribute names and the RFC 3264 answer rule for directions.</summary>
public static class SdpDirections
{
    /// <summary>The attribute name for a direction.</summary>
    public static string AttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Parses a direction attribute name.</summary>
    public static bool TryParse(string name, out SdpDirection direction)
    {
        (var ok, direction) = name switch
        {
            "sendrecv" => (true, SdpDirection.SendRecv),
            "sendonly" => (true, SdpDirection.SendOnly),
            "recvonly" => (true, SdpDirection.RecvOnly),
            "inactive" => (true, SdpDirection.Inactive),
            _ => (false, SdpDirection.SendRecv),
        };
        return ok;
    }

    /// <summary>
    /// The direction an answerer uses (RFC 3264 §6.1): sendonly is answered recvonly, recvonly sendonly, inactive
    /// inactive; a sendrecv offer gets what the answerer wants (its local direction).
    /// </summary>
    public static SdpDirection Answer(SdpDirection offered, SdpDirection local) => offered switch
    {
        SdpDirection.Inactive => SdpDirection.Inactive,
        SdpDirection.SendOnly => local is SdpDirection.SendRecv or SdpDirection.RecvOnly ? SdpDirection.RecvOnly : SdpDirection.Inactive,
        SdpDirection.RecvOnly => local is SdpDirection.SendRecv or SdpDirection.SendOnly ? SdpDirection.SendOnly : SdpDirection.Inactive,
        _ => local,
    };

    /// <summary>True when this side sends media in this direction.</summary>
    public static bool Sends(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>True when this side receives media in this direction.</summary>
    public static bool Receives(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;
}
